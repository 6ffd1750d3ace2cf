using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Platform.Application.Common.Behaviours;

namespace Platform.Api.Observability;

/// <summary>
/// Serves <c>/metrics</c> in Prometheus text exposition (format 0.0.4) from .NET meters, since no Prometheus exporter
/// package restores here (adr/0007). Listens to this host's own meters only: ASP.NET Core's HTTP server duration
/// (by route, method and status) and the application's meter (pipeline durations, idempotency replays and conflicts).
/// </summary>
internal sealed class PrometheusMetrics : IDisposable
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly Dictionary<string, string> LabelNames = new(StringComparer.Ordinal)
    {
        ["http.route"] = "route",
        ["http.request.method"] = "method",
        ["http.response.status_code"] = "status",
    };

    private static readonly HashSet<string> HttpInstruments = new(StringComparer.Ordinal) { "http.server.request.duration" };

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, Family> families = new();
    private readonly IMeterFactory meterFactory;

    public PrometheusMetrics(IMeterFactory meterFactory)
    {
        this.meterFactory = meterFactory;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (!ReferenceEquals(instrument.Meter.Scope, this.meterFactory))
            {
                return;
            }

            var wanted = instrument.Meter.Name == ApplicationMetrics.MeterName
                || (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && HttpInstruments.Contains(instrument.Name));
            if (wanted)
            {
                families[instrument] = new Family(instrument);
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var family in families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            family.Render(text);
        }

        return text.ToString();
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (families.TryGetValue(instrument, out var family))
        {
            family.Record(value, tags);
        }
    }

    private sealed class Family
    {
        private readonly bool isHistogram;
        private readonly bool isHttp;
        private readonly string help;
        private readonly ConcurrentDictionary<string, Series> series = new(StringComparer.Ordinal);

        public Family(Instrument instrument)
        {
            isHistogram = instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal);
            isHttp = instrument.Meter.Name != ApplicationMetrics.MeterName;
            var baseName = instrument.Name.Replace('.', '_');
            var unit = instrument.Unit switch
            {
                "s" => "_seconds",
                _ => string.Empty,
            };
            Name = isHistogram ? baseName + unit : baseName + "_total";
            help = (instrument.Description ?? instrument.Name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        }

        public string Name { get; }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = new List<string>(tags.Length);
            foreach (var tag in tags)
            {
                // HTTP series keep route, method and status only, to bound cardinality.
                if (isHttp && !LabelNames.ContainsKey(tag.Key))
                {
                    continue;
                }

                var name = LabelNames.TryGetValue(tag.Key, out var mapped) ? mapped : tag.Key.Replace('.', '_');
                labels.Add($"{name}=\"{Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty)}\"");
            }

            labels.Sort(StringComparer.Ordinal);
            var key = string.Join(',', labels);
            series.GetOrAdd(key, _ => new Series(isHistogram)).Add(value);
        }

        public void Render(StringBuilder text)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {Name} {help}\n");
            text.Append(CultureInfo.InvariantCulture, $"# TYPE {Name} {(isHistogram ? "histogram" : "counter")}\n");
            foreach (var (labels, s) in series.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                s.Render(text, Name, labels);
            }
        }

        private static string Escape(string value) =>
            value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private sealed class Series(bool histogram)
    {
        private readonly long[] bucketCounts = new long[Buckets.Length];
        private readonly Lock gate = new();
        private double sum;
        private long count;

        public void Add(double value)
        {
            lock (gate)
            {
                sum += value;
                count++;
                if (histogram)
                {
                    for (var i = 0; i < Buckets.Length; i++)
                    {
                        if (value <= Buckets[i])
                        {
                            bucketCounts[i]++;
                        }
                    }
                }
            }
        }

        public void Render(StringBuilder text, string name, string labels)
        {
            lock (gate)
            {
                if (!histogram)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{Braces(labels)} {Format(sum)}\n");
                    return;
                }

                var prefix = labels.Length > 0 ? labels + "," : string.Empty;
                for (var i = 0; i < Buckets.Length; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"{Format(Buckets[i])}\"}} {bucketCounts[i]}\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"+Inf\"}} {count}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_sum{Braces(labels)} {Format(sum)}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_count{Braces(labels)} {count}\n");
            }
        }

        private static string Braces(string labels) => labels.Length > 0 ? "{" + labels + "}" : string.Empty;

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
