import Link from "next/link";

export default function NotFound() {
  return (
    <div>
      <h1>Not found</h1>
      <p>
        Nothing is stored under this address. <Link href="/explore">Explore the data</Link> instead.
      </p>
    </div>
  );
}
