import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "hvscope",
  description: "What does a stronger isolation boundary cost, for my workload?",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/">hvscope</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
