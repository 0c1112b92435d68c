import type { BundleManifest } from '../../api/types.ts';
import { formatBytes } from '../../format.ts';

/** The files a bundle's manifest lists, with their sizes and SHA-256 hashes. */
export function BundleFiles({ manifest, caption }: { manifest: BundleManifest; caption: string }) {
  const files = Object.entries(manifest.files);
  return (
    <div className="table-wrap">
      <table className="compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">manifest.json</th>
            <td className="num">–</td>
            <td>{manifest.signature ? 'lists and signs the files below' : 'lists the files below'}</td>
          </tr>
          {files.map(([name, f]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="num">{formatBytes(f.bytes)}</td>
              <td>
                <code className="hash">{f.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
