using System.Globalization;
using System.Net;
using System.Text;

namespace OpenLoop;

/// <summary>The command line, and the request it describes.</summary>
internal sealed record Options(
    Uri Url,
    double Rate,
    double Seconds,
    int Connections,
    HttpMethod Method,
    string? Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? UniqueHeader,
    double TimeoutSeconds)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            }

            if (args[i] == "--header")
            {
                var colon = args[i + 1].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new ArgumentException($"--header wants \"Name: value\", got '{args[i + 1]}'");
                }

                headers.Add(new(args[i + 1][..colon].Trim(), args[i + 1][(colon + 1)..].Trim()));
            }
            else
            {
                values[args[i][2..]] = args[i + 1];
            }
        }

        double Number(string name, double fallback, double min)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min
                ? value
                : throw new ArgumentException($"--{name} must be a number of at least {min.ToString(CultureInfo.InvariantCulture)}, got '{text}'");
        }

        if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException("--url must be an absolute URL");
        }

        if (!values.ContainsKey("rate"))
        {
            throw new ArgumentException("--rate (requests per second) is required");
        }

        return new Options(
            uri,
            Number("rate", 0, 0.1),
            Number("seconds", 10, 0.1),
            (int)Number("connections", 32, 1),
            new HttpMethod(values.GetValueOrDefault("method", "GET").ToUpperInvariant()),
            values.GetValueOrDefault("body"),
            headers,
            values.GetValueOrDefault("unique-header"),
            Number("timeout-seconds", 10, 0.1));
    }

    public HttpRequestMessage NewRequest()
    {
        var request = new HttpRequestMessage(Method, Url) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (UniqueHeader is not null)
        {
            request.Headers.TryAddWithoutValidation(UniqueHeader, Guid.NewGuid().ToString("N"));
        }

        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        }

        return request;
    }
}
