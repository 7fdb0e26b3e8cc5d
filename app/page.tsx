import { listDatasetSummaries } from "@/db/queries/datasets";

// The database changes under the server (imports), so never serve a build-time snapshot.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const summaries = await listDatasetSummaries();
  return (
    <>
      <h1>Imported datasets</h1>
      {summaries.length === 0 ? (
        <p>No samples imported yet. Run <code>npm run ingest -- PATH</code> to import raw benchmark outputs.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Dataset</th>
              <th scope="col" className="num">Hosts</th>
              <th scope="col" className="num">Runtimes</th>
              <th scope="col" className="num">Workloads</th>
              <th scope="col" className="num">Runs</th>
              <th scope="col" className="num">Samples</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((d) => (
              <tr key={d.name}>
                <th scope="row">{d.name}</th>
                <td className="num">{d.hosts}</td>
                <td className="num">{d.runtimes}</td>
                <td className="num">{d.workloads}</td>
                <td className="num">{d.runs}</td>
                <td className="num">{d.samples}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
