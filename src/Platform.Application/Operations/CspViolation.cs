namespace Platform.Application.Operations;

/// <summary>
/// One Content-Security-Policy violation a browser reported, in one shape for the legacy <c>application/csp-report</c>
/// format and the Reporting API's <c>csp-violation</c> reports: the directive that was broken, whether the policy
/// enforced it or only reported it, what was blocked, and on which page (and where in it, when the browser says).
/// </summary>
public sealed record CspViolation(string? Directive, string? Disposition, string? BlockedUri, string? DocumentUri, string? SourceFile, int? LineNumber);
