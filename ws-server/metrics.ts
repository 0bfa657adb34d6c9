/** Counters and timings of one collaboration server, read through metrics(). */
import type { CollabMetrics } from '../src/lib/server/collab/registry';

const WINDOW_SECONDS = 10;
const LATENCY_SAMPLES = 500;

export class MetricsCollector {
	messagesTotal = 0;
	malformedMessages = 0;
	droppedReadOnlyUpdates = 0;
	readonly refusedConnections: Record<string, number> = {};
	loads = 0;
	loadFailures = 0;
	writes = 0;
	writeFailures = 0;
	compactions = 0;
	private loadMsTotal = 0;
	private writeMsTotal = 0;
	private readonly writeSamples: number[] = [];
	// Messages per second over a sliding window: one bucket per second.
	private readonly buckets = new Array<number>(WINDOW_SECONDS).fill(0);
	private bucketSecond = Math.floor(Date.now() / 1000);

	message(): void {
		this.messagesTotal++;
		this.rotate();
		this.buckets[this.bucketSecond % WINDOW_SECONDS]++;
	}

	refused(reason: string): void {
		this.refusedConnections[reason] = (this.refusedConnections[reason] ?? 0) + 1;
	}

	loaded(ms: number): void {
		this.loads++;
		this.loadMsTotal += ms;
	}

	wrote(ms: number): void {
		this.writes++;
		this.writeMsTotal += ms;
		this.writeSamples.push(ms);
		if (this.writeSamples.length > LATENCY_SAMPLES) this.writeSamples.shift();
	}

	snapshot(): Pick<CollabMetrics, 'messagesPerSecond' | 'messagesTotal' | 'malformedMessages' | 'droppedReadOnlyUpdates' | 'refusedConnections'> &
		Omit<CollabMetrics['store'], 'pendingDocuments'> {
		this.rotate();
		const sorted = [...this.writeSamples].sort((a, b) => a - b);
		return {
			messagesPerSecond: this.buckets.reduce((total, count) => total + count, 0) / WINDOW_SECONDS,
			messagesTotal: this.messagesTotal,
			malformedMessages: this.malformedMessages,
			droppedReadOnlyUpdates: this.droppedReadOnlyUpdates,
			refusedConnections: { ...this.refusedConnections },
			loads: this.loads,
			loadFailures: this.loadFailures,
			loadMsAvg: round(this.loads ? this.loadMsTotal / this.loads : 0),
			writes: this.writes,
			writeFailures: this.writeFailures,
			writeMsAvg: round(this.writes ? this.writeMsTotal / this.writes : 0),
			writeMsP95: round(sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] : 0),
			compactions: this.compactions
		};
	}

	private rotate(): void {
		const now = Math.floor(Date.now() / 1000);
		if (now === this.bucketSecond) return;
		const elapsed = Math.min(now - this.bucketSecond, WINDOW_SECONDS);
		for (let step = 1; step <= elapsed; step++) this.buckets[(this.bucketSecond + step) % WINDOW_SECONDS] = 0;
		this.bucketSecond = now;
	}
}

const round = (value: number) => Math.round(value * 100) / 100;
