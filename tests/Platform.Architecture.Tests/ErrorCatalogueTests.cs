using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Platform.Architecture.Tests;

/// <summary>
/// Error codes live in one catalogue per feature (plus the cross-cutting and HTTP ones), and docs/errors.md lists
/// exactly the codes the catalogues hold: a new code cannot ship undocumented, and a removed one cannot linger in
/// the docs.
/// </summary>
[TestFixture]
public partial class ErrorCatalogueTests
{
    /// <summary>Defaults of parameterless exception constructors: documented as never returned, not catalogued.</summary>
    private static readonly string[] ConstructorDefaults = ["conflict", "domain.rule_violated"];

    [Test]
    public void Every_feature_has_one_catalogue()
    {
        var catalogues = Catalogues().Select(t => t.FullName).Order(StringComparer.Ordinal);

        Assert.That(catalogues, Is.EquivalentTo(new[]
        {
            "Platform.Api.Http.ProblemCodes",
            "Platform.Application.Common.Errors.ErrorCodes",
            "Platform.Application.Outbox.OutboxErrorCodes",
            "Platform.Domain.Email.EmailErrorCodes",
            "Platform.Domain.Identity.IdentityErrorCodes",
            "Platform.Domain.Inbound.InboundErrorCodes",
            "Platform.Domain.Status.StatusErrorCodes",
            "Platform.Domain.Tickets.TicketErrorCodes",
            "Platform.Domain.Webhooks.WebhookErrorCodes",
        }));
    }

    [Test]
    public void Docs_list_exactly_the_catalogued_codes()
    {
        var catalogued = Catalogues().SelectMany(Codes).ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedCodes().Except(ConstructorDefaults).ToHashSet(StringComparer.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalogued, Has.Count.GreaterThan(40), "the catalogues were not found: the rule would pass vacuously");
            Assert.That(catalogued.Except(documented).Order(StringComparer.Ordinal), Is.Empty, "catalogued but not in docs/errors.md");
            Assert.That(documented.Except(catalogued).Order(StringComparer.Ordinal), Is.Empty, "in docs/errors.md but in no catalogue");
        }
    }

    private static IEnumerable<Type> Catalogues() =>
        PlatformAssemblies.AllTypes.Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false }
            && (t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal) || t.Name == "ProblemCodes"));

    /// <summary>The catalogue's code constants (other constants, such as a message, do not look like a code).</summary>
    private static IEnumerable<string> Codes(Type catalogue) =>
        catalogue.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => CodePattern().IsMatch(v));

    private static IEnumerable<string> DocumentedCodes()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        var text = File.ReadAllText(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test directory."), "docs", "errors.md"));
        // The code tables start at "## Every code"; the table above it describes the problem's members.
        return DocRow().Matches(text[text.IndexOf("## Every code", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value);
    }

    [GeneratedRegex(@"^(?:[a-z_]+\.[a-z_]+|internal_error|conflict)$")]
    private static partial Regex CodePattern();

    /// <summary>The first cell of a table row, when it is a code in backticks.</summary>
    [GeneratedRegex(@"^\| `([a-z_]+(?:\.[a-z_]+)?)` \|", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
