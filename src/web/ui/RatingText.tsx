// The rating as text, not only drawn: screen readers, tests and people who copy numbers need it.
import type { DesignView } from "../worker/protocol.js";

export function RatingText({ view }: { view: DesignView }) {
  const rating = view.rating;
  if (rating === undefined)
    return <p class="rating">No rating: the probe shown is not acoustic.</p>;
  return (
    <p class="rating" aria-live="polite">
      Preference rating <strong class="ppr">{rating.ppr.toFixed(1)}</strong> against{" "}
      {view.targetName}{" "}
      <span class="detail">
        (SD of the error {rating.sd.toFixed(2)} dB, slope {rating.slopePerOctave.toFixed(2)}{" "}
        dB/octave
        {rating.ame !== undefined ? `, AME ${rating.ame.toFixed(2)} dB` : ""}; simulated, so
        informative only)
      </span>
    </p>
  );
}
