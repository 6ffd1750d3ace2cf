using System.Reflection;
using System.Text.RegularExpressions;
using Platform.Application.Common.Errors;

namespace Platform.Api.Http;

/// <summary>
/// Every error code, read once from the catalogues (<c>ProblemCodes</c> and each feature's <c>*ErrorCodes</c>): the
/// list docs/errors.md documents (an architecture test keeps the two equal).
/// </summary>
internal sealed partial class ErrorCatalogue : IErrorCatalogue
{
    public IReadOnlyList<string> Codes { get; } =
    [
        .. new[] { typeof(ProblemCodes).Assembly, typeof(ErrorCodes).Assembly, typeof(Platform.Domain.Common.DomainException).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false } && (t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal) || t.Name == nameof(ProblemCodes)))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => CodePattern().IsMatch(v))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    [GeneratedRegex(@"^(?:[a-z_]+\.[a-z_]+|internal_error)$")]
    private static partial Regex CodePattern();
}
