// The page's alert region: problems with files and links, each dismissible. Nothing else on the page
// is lost when one appears.
import { alerts, dismissAlert } from "../state/appState.js";

export function Alerts() {
  const list = alerts.value;
  if (list.length === 0) return null;
  return (
    <div class="alerts" role="alert">
      {list.map((alert) => (
        <div class="alert" key={alert.id}>
          <pre>{alert.message}</pre>
          <button
            type="button"
            aria-label="Dismiss this message"
            onClick={() => dismissAlert(alert.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
