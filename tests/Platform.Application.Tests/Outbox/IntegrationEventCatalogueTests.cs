using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Tests.Outbox;

/// <summary>docs/events.md and the catalogue in code list the same event types, and each section names every field of its payload.</summary>
public sealed partial class IntegrationEventCatalogueTests
{
    [Test]
    public void Every_event_type_in_the_catalogue_has_a_section_in_the_docs_and_every_section_is_in_the_catalogue()
    {
        var documented = Sections().Keys.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(IntegrationEventTypes.All.Select(t => t.Name), Is.Unique);
            Assert.That(documented, Is.EquivalentTo(IntegrationEventTypes.All.Select(t => t.Name)));
        });
    }

    [Test]
    public void Every_section_names_every_field_of_its_payload()
    {
        var sections = Sections();
        var missing = new List<string>();
        foreach (var type in IntegrationEventTypes.All)
        {
            if (!sections.TryGetValue(type.Name, out var text))
            {
                continue;
            }

            missing.AddRange(MissingFields(text, type.PayloadType).Select(field => $"{type.Name}: {field}"));
        }

        Assert.That(missing, Is.Empty, "fields of the payload DTO that docs/events.md does not name");
    }

    [Test]
    public void Canary_a_field_the_docs_do_not_name_is_reported() =>
        Assert.That(MissingFields("Payload: the thing: `id`.", typeof(CanaryPayload)), Is.EqualTo(new[] { "secret_sauce" }));

    [Test]
    public void Every_type_name_is_dotted_lower_case_as_the_outbox_table_requires() =>
        Assert.That(IntegrationEventTypes.All.Select(t => t.Name), Has.All.Matches(TypeName()));

    private static IEnumerable<string> MissingFields(string section, Type payload) =>
        payload.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
            .Where(field => !section.Contains($"`{field}`", StringComparison.Ordinal));

    private static Dictionary<string, string> Sections()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "events.md"));
        var parts = Heading().Split(text);

        // Split keeps the captured type names: [before, name1, body1, name2, body2, ...].
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < parts.Length; i += 2)
        {
            sections[parts[i]] = parts[i + 1];
        }

        return sections;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above the test directory.");
    }

    [GeneratedRegex(@"^### `([^`]+)`\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex TypeName();

    private sealed record CanaryPayload(Guid Id, string SecretSauce);
}
