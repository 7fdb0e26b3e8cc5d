import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { LinkPendingHint } from "@/components/ui/link-pending-hint";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "hvscope", template: "%s · hvscope" },
  description: "What does a stronger isolation boundary cost, for my workload?",
};

const NAV = [
  ["/", "Overview"],
  ["/explore", "Explore"],
  ["/runtimes", "Runtimes"],
  ["/guide", "Guide"],
  ["/upload", "Upload"],
] as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Set by proxy.ts for the page's Content-Security-Policy; next-themes' inline script needs it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        {/* First Tab stop of every page: past the header straight to the page's own content. */}
        <a
          href="#content"
          className="sr-only rounded border border-zinc-300 bg-white text-sm font-medium shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-20 focus:px-3 focus:py-2 dark:border-zinc-700 dark:bg-zinc-900"
        >
          Skip to content
        </a>
        <Providers nonce={nonce}>
          <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
            <Link href="/" className="text-lg font-semibold text-inherit no-underline">
              hvscope
            </Link>
            <nav aria-label="Main" className="flex gap-4 text-sm">
              {NAV.map(([href, label]) => (
                <Link key={href} href={href} className="relative">
                  {label}
                  <LinkPendingHint />
                </Link>
              ))}
            </nav>
            <div className="ml-auto">
              <ThemeToggle />
            </div>
          </header>
          <main id="content" tabIndex={-1} className="mx-auto max-w-7xl px-6 py-6 focus:outline-none">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
