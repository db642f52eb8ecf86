import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics). */
export const CHART_COLOURS = ["#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be123c", "#0e7490"];

export type Series = { key: string; name: string; colour?: string };

/**
 * A recharts bar chart, drawn only in the browser: recharts measures the DOM,
 * so on the server (and before hydration) only an empty, sized box renders.
 * The chart is decorative for assistive technology (aria-hidden); every chart
 * sits next to a table with the same figures, which is the accessible version.
 */
export function BarChartFigure({
  data,
  categoryKey,
  series,
  label,
  layout = "horizontal",
  stacked = false,
  height = 320,
  domain,
}: {
  data: Record<string, string | number | null>[];
  categoryKey: string;
  series: Series[];
  label: string;
  layout?: "horizontal" | "vertical";
  stacked?: boolean;
  height?: number;
  domain?: [number, number];
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const vertical = layout === "vertical";
  return (
    <div className="chart" style={{ height }} data-chart={label} aria-hidden="true">
      {mounted ? (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout={layout} margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 8 : 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            {vertical ? (
              <>
                <XAxis type="number" allowDecimals={false} domain={domain} />
                <YAxis type="category" dataKey={categoryKey} width={200} tick={{ fontSize: 12 }} />
              </>
            ) : (
              <>
                <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} interval={0} />
                <YAxis allowDecimals={!!domain} domain={domain} />
              </>
            )}
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.colour ?? CHART_COLOURS[i % CHART_COLOURS.length]}
                stackId={stacked ? "stack" : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
