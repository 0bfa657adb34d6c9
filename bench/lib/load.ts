/** One load test of one target with autocannon, reduced to the figures we print. */
import autocannon from 'autocannon';

export interface LoadOptions {
	url: string;
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
	connections: number;
	durationSeconds: number;
	workers?: number;
}

export interface LoadResult {
	requestsPerSecond: number;
	latencyP50: number;
	latencyP99: number;
	total: number;
	non2xx: number;
	errors: number;
	timeouts: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
	const result = await autocannon({
		url: options.url,
		method: options.method ?? 'GET',
		headers: options.headers,
		body: options.body,
		connections: options.connections,
		duration: options.durationSeconds,
		workers: options.workers && options.workers > 1 ? options.workers : undefined
	});
	return {
		requestsPerSecond: result.requests.average,
		latencyP50: result.latency.p50,
		latencyP99: result.latency.p99,
		total: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts
	};
}
