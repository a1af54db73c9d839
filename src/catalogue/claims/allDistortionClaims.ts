import { armatureSaturationClaim } from "./armatureSaturationClaim.js";
import type { ClaimResult } from "./claims.js";
import { ddVersusAllBaClaim, hybridClaim } from "./distortionClaims.js";
import { estDistortionClaim } from "./estDistortionClaim.js";
import { opposedPairClaim } from "./opposedPairClaim.js";
import { sealDistortionClaim } from "./sealDistortionClaim.js";

/**
 * The buyer's guides' distortion claims, each computed with harmonic balance on the reference
 * designs (issue 18): single DD vs all-BA, vs the hybrid, the opposed pair, a BA near its limit,
 * the electrostatic tweeter, a broken seal's bass. About 4–5 s in all (median 4.7 s, minimum 3.9 s, on a loaded 2-core machine).
 */
export function allDistortionClaims(): ClaimResult<unknown>[] {
  return [
    ddVersusAllBaClaim(),
    hybridClaim(),
    opposedPairClaim(),
    armatureSaturationClaim(),
    estDistortionClaim(),
    sealDistortionClaim(),
  ];
}
