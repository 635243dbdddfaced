/**
 * Replay: every recorded run of every committed transcript, re-checked against its proof as the proof reads now
 * (scripts/verify/replay.ts). A hand-edited output, a check changed since the run, or a proof that no longer
 * issues the recorded commands fails here, with the transcript file, the step and what differs. No cluster.
 * One test for the invariant, listing every offender.
 */
import { describe, expect, it } from 'vitest';
import { examplesDir, listExampleIds } from '../../scripts/verify/examples.ts';
import { loadProof } from '../../scripts/verify/load.ts';
import { replayRun } from '../../scripts/verify/replay.ts';
import { readTranscript } from '../../scripts/verify/transcript.ts';

describe('replay', () => {
	it('every recorded run agrees with its proof', async () => {
		const offenders: string[] = [];
		let runs = 0;
		for (const id of listExampleIds()) {
			const transcript = await readTranscript(id);
			if (!transcript) continue; // tests/site/proofs.test.ts reports a missing transcript.
			const proof = await loadProof(id, examplesDir);
			for (const run of transcript.runs) {
				runs++;
				const problems = await replayRun(id, proof, run);
				if (problems.length) {
					offenders.push(
						`content/proofs/${id}.json, run on ${run.kubernetes} (${run.provider}):\n${problems.map((p) => `    ${p}`).join('\n')}\n  re-record it on a cluster with: npm run verify -- ${id} --provider ${run.provider}`,
					);
				}
			}
		}
		expect(runs).toBeGreaterThan(0);
		expect(offenders, `${offenders.length} recorded run(s) disagree with their proofs:\n${offenders.join('\n')}`).toEqual([]);
	});
});
