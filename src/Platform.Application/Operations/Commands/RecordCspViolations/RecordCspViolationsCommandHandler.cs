using MediatR;
using Microsoft.Extensions.Logging;
using Platform.Application.Common.Behaviours;

namespace Platform.Application.Operations.Commands.RecordCspViolations;

internal sealed partial class RecordCspViolationsCommandHandler(ApplicationMetrics metrics, ILogger<RecordCspViolationsCommandHandler> logger)
    : IRequestHandler<RecordCspViolationsCommand, int>
{
    /// <summary>CSP directive names; anything else is counted as <c>other</c>, so a forged report cannot mint label values.</summary>
    private static readonly HashSet<string> Directives = new(StringComparer.Ordinal)
    {
        "default-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem", "style-src-attr",
        "img-src", "font-src", "connect-src", "media-src", "object-src", "frame-src", "child-src", "worker-src",
        "manifest-src", "fenced-frame-src", "base-uri", "form-action", "frame-ancestors", "sandbox",
        "require-trusted-types-for", "trusted-types", "upgrade-insecure-requests", "webrtc",
    };

    private const int MaxLoggedLength = 200;

    public Task<int> Handle(RecordCspViolationsCommand request, CancellationToken cancellationToken)
    {
        foreach (var violation in request.Violations)
        {
            // The legacy format's violated-directive may carry the directive's value after it.
            var name = violation.Directive?.Split(' ', 2)[0].Trim().ToLowerInvariant();
            var directive = name is not null && Directives.Contains(name) ? name : "other";
            var disposition = violation.Disposition?.ToLowerInvariant() == "report" ? "report" : "enforce";
            metrics.CspViolation(directive, disposition);
            LogViolation(disposition, directive, Clean(violation.BlockedUri), Clean(violation.DocumentUri), Clean(violation.SourceFile), violation.LineNumber);
        }

        return Task.FromResult(request.Violations.Count);
    }

    /// <summary>A URL without its query and fragment (which may carry a token), shortened; keywords such as <c>inline</c> stay.</summary>
    private static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "-";
        }

        var cut = value.IndexOfAny(['?', '#']);
        var text = cut >= 0 ? value[..cut] : value;
        text = new string([.. text.Where(c => !char.IsControl(c))]);
        return text.Length <= MaxLoggedLength ? text : text[..MaxLoggedLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSP violation ({Disposition}) of {Directive}: blocked {BlockedUri} on {DocumentUri} ({SourceFile}:{LineNumber})")]
    private partial void LogViolation(string disposition, string directive, string blockedUri, string documentUri, string sourceFile, int? lineNumber);
}
