/** The built-in export profiles, in detection order (most specific first); generic is the fallback. */
import { HedgeError } from "../../../errors.js";
import { PROFILE_IDS } from "../../reading/option-names.js";
import { aggregatedProfile } from "./aggregated.js";
import { anthropicCostProfile, anthropicUsageProfile } from "./anthropic.js";
import { awsCurProfile } from "./aws-cur.js";
import { azureProfile } from "./azure.js";
import { deepseekProfile } from "./deepseek.js";
import { focusProfile } from "./focus.js";
import { gcpProfile } from "./gcp.js";
import { genericProfile } from "./generic.js";
import { litellmProfile } from "./litellm.js";
import { openaiCostsProfile, openaiUsageProfile } from "./openai.js";
import { openrouterProfile } from "./openrouter.js";
import type { Header, Profile } from "./types.js";

export const PROFILES: readonly Profile[] = [
  openaiUsageProfile,
  openaiCostsProfile,
  anthropicUsageProfile,
  anthropicCostProfile,
  awsCurProfile,
  azureProfile,
  gcpProfile,
  focusProfile,
  litellmProfile,
  openrouterProfile,
  deepseekProfile,
  aggregatedProfile,
  genericProfile,
];

export { PROFILE_IDS };

export function profileById(id: string): Profile {
  const p = PROFILES.find((x) => x.id === id.trim().toLowerCase());
  if (!p) {
    throw new HedgeError("USAGE", `--format: unknown export format "${id}"`, {
      value: id,
      expected: `one of ${PROFILE_IDS.join(", ")}`,
    });
  }
  return p;
}

/** The first profile whose fingerprint the header has, with the reason. */
export function detectProfile(header: Header): { profile: Profile; reason: string } | undefined {
  for (const p of PROFILES) {
    const reason = p.detect(header);
    if (reason !== undefined) return { profile: p, reason };
  }
  return undefined;
}
