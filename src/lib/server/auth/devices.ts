/** A short, human description of a browser's User-Agent for the sessions list ("Firefox · Linux"). */

const browsers: [RegExp, string][] = [
	[/Edg(e|A|iOS)?\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/SamsungBrowser\//, 'Samsung Internet'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
	[/Safari\//, 'Safari']
];

const systems: [RegExp, string][] = [
	[/Windows/, 'Windows'],
	[/Android/, 'Android'],
	[/iPhone|iPad|iPod/, 'iOS'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/CrOS/, 'ChromeOS'],
	[/Linux/, 'Linux']
];

/** "Browser · system" when recognised, the raw (shortened) string otherwise, null when absent. */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
	if (!userAgent) return null;
	const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
	const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
	if (browser || system) return [browser, system].filter(Boolean).join(' · ');
	return userAgent.length > 60 ? `${userAgent.slice(0, 57)}…` : userAgent;
}
