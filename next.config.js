/**
 * Plain JS because Node 20 cannot import TypeScript here; the environment is validated at
 * server start by instrumentation.ts instead.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  // Native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
};

export default nextConfig;
