import type { HttpExchange } from '@sim';
import { useCurrentStep } from '../store/store';
import { componentLabel } from '../store/derive';
import { prettyJson } from '../common/format';
import { HourglassIcon } from '../common/icons';

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="empty">No headers.</p>;
  return (
    <table className="headers">
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Body({ body }: { body: unknown }) {
  if (body === undefined) return <p className="empty">No body.</p>;
  return <pre className="code-block">{prettyJson(body)}</pre>;
}

function Exchange({ http }: { http: HttpExchange }) {
  const { request, response } = http;
  return (
    <div className="exchange">
      <div className="http-request-line">
        <span className={`method method-${request.method}`}>{request.method}</span>
        <code className="http-path">{request.path}</code>
      </div>
      <div className="http-from">from {componentLabel(http.client)} to kube-apiserver</div>
      {response ? (
        <div className={`http-status ${response.status >= 400 ? 'status-error' : 'status-ok'}`}>
          <span aria-hidden="true">{response.status >= 400 ? '✕' : '✓'}</span> <b>{response.status}</b>{' '}
          {response.statusText}
        </div>
      ) : (
        <div className="http-status status-pending">
          <HourglassIcon /> In flight: the API server has not answered yet.
        </div>
      )}
      <details open>
        <summary>Request headers</summary>
        <Headers headers={request.headers} />
      </details>
      <details open={request.body !== undefined}>
        <summary>Request body</summary>
        <Body body={request.body} />
      </details>
      {response && (
        <>
          <details open>
            <summary>Response headers</summary>
            <Headers headers={response.headers} />
          </details>
          <details open>
            <summary>Response body</summary>
            <Body body={response.body} />
          </details>
        </>
      )}
    </div>
  );
}

/** The HTTP exchange this step sends or answers, as the client and the API server see it. */
export function RequestTab() {
  const step = useCurrentStep();
  if (!step?.http) return <p className="empty">No HTTP request in this step.</p>;
  return <Exchange http={step.http} />;
}
