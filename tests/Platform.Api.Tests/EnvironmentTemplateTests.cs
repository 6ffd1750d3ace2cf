using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// build/deploy/.env.example lists every setting with a description. The settings are found the way the API binds
/// them: every options type that the real Program binds to configuration (any <c>Configure&lt;T&gt;(section)</c>,
/// <c>AddOptions&lt;T&gt;().Bind(...)</c> or <c>BindConfiguration</c> registers a configuration change-token source
/// for T), and each bindable property of it, nested types and lists included. A new property, or a new options type,
/// makes the first test fail with the line to add.
/// </summary>
public sealed partial class EnvironmentTemplateTests
{
    private const string TemplatePath = "build/deploy/.env.example";

    /// <summary>Properties of bound options types that code sets after binding; they are not settings.</summary>
    private static readonly Dictionary<string, string> NotSettings = new(StringComparer.Ordinal)
    {
        ["Idempotency__FingerprintKey"] = "derived from Auth:SecretKey by StartupConfiguration",
        ["Idempotency__ResponseKey"] = "derived from Auth:SecretKey by StartupConfiguration",
        ["Email__ContentKey"] = "derived from Auth:SecretKey by EmailStartupConfiguration",
    };

    /// <summary>Settings read straight from IConfiguration rather than through an options type.</summary>
    private static readonly string[] SettingsOutsideOptions =
    [
        "ConnectionStrings__Platform",   // DependencyInjection.AddInfrastructure
        "Seq__ServerUrl", "Seq__ApiKey", "Seq__Period", // Observability/Logging.cs
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME", // Observability/Telemetry.cs
        "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS",
    ];

    [Test]
    public async Task Every_setting_of_every_bound_options_type_is_in_the_template()
    {
        var template = ReadTemplate();
        var settings = await BoundSettingsAsync();

        var missing = settings.Where(s => !template.Keys.Any(k => s.Matches(k))).Select(s => s.Example).ToList();

        Assert.That(missing, Is.Empty,
            $"Add each of these to {TemplatePath}, with a one-line description above it (\"# ...\"), as \"KEY=value\" or, when optional, as \"# KEY=default\":\n  "
            + string.Join("\n  ", missing));
    }

    [Test]
    public void Settings_read_outside_options_types_are_in_the_template()
    {
        var template = ReadTemplate();

        Assert.That(SettingsOutsideOptions.Where(s => !template.Keys.Contains(s)), Is.Empty);
    }

    [Test]
    public async Task Every_template_entry_of_an_options_section_is_a_real_setting()
    {
        var template = ReadTemplate();
        var settings = await BoundSettingsAsync();
        var sections = settings.Select(s => s.Example.Split("__")[0]).ToHashSet(StringComparer.Ordinal);

        var unknown = template.Keys
            .Where(k => sections.Contains(k.Split("__")[0]) && !settings.Any(s => s.Matches(k)))
            .ToList();

        Assert.That(unknown, Is.Empty, $"{TemplatePath} lists settings no options type has (renamed or removed?)");
    }

    [Test]
    public void Every_template_entry_has_a_one_line_description_above_it()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf(TemplatePath));
        var undescribed = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (SettingLine().Match(lines[i]) is not { Success: true } setting)
            {
                continue;
            }

            var previous = i > 0 ? lines[i - 1] : string.Empty;
            if (!previous.StartsWith("# ", StringComparison.Ordinal) || SettingLine().IsMatch(previous) || previous.Trim().Length < 10)
            {
                undescribed.Add(setting.Groups["key"].Value);
            }
        }

        Assert.That(undescribed, Is.Empty);
    }

    [Test]
    public void The_template_lists_each_setting_once()
    {
        var keys = File.ReadAllLines(RepositoryFiles.PathOf(TemplatePath))
            .Select(l => SettingLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["key"].Value).ToList();

        Assert.That(keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty);
    }

    /// <summary>The key of every line "KEY=value" or "# KEY=value", with its line.</summary>
    private static Dictionary<string, string> ReadTemplate()
    {
        var path = RepositoryFiles.PathOf(TemplatePath);
        Assert.That(File.Exists(path), Is.True, path);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            if (SettingLine().Match(line) is { Success: true } match)
            {
                entries[match.Groups["key"].Value] = line;
            }
        }

        return entries;
    }

    /// <summary>The options types the real Program binds to configuration, expanded into their settings.</summary>
    private static async Task<List<Setting>> BoundSettingsAsync()
    {
        List<ServiceDescriptor> registrations = [];
        await using (var factory = new PlatformApiFactory(ApiDatabase.Instance).WithWebHostBuilder(b => b.ConfigureTestServices(services => registrations = [.. services])))
        {
            _ = factory.Services;
        }

        var bound = registrations
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Platform.", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();
        Assert.That(bound, Is.Not.Empty, "no options type found: the discovery is broken");

        var settings = new List<Setting>();
        foreach (var type in bound)
        {
            var section = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
            Assert.That(section, Is.Not.Null, $"{type.FullName} is bound from configuration but has no public const SectionName naming its section");
            Expand(type, section!.Replace(":", "__", StringComparison.Ordinal), settings, depth: 0);
        }

        return [.. settings.Where(s => !NotSettings.ContainsKey(s.Example))];
    }

    private static void Expand(Type type, string prefix, List<Setting> settings, int depth)
    {
        Assert.That(depth, Is.LessThan(8), $"options nest too deep at {prefix}");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !IsBindable(property))
            {
                continue;
            }

            AddSetting(property.PropertyType, $"{prefix}__{property.Name}", settings, depth);
        }
    }

    private static void AddSetting(Type type, string key, List<Setting> settings, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            settings.Add(new Setting(key, Prefix: false));
        }
        else if (DictionaryValueType(type) is not null)
        {
            // Any key under it: Section__Property__<name>.
            settings.Add(new Setting(key + "__", Prefix: true));
        }
        else if (ElementType(type) is { } element)
        {
            // Lists are documented by their first element: Section__Property__0.
            AddSetting(element, key + "__0", settings, depth + 1);
        }
        else
        {
            Expand(type, key, settings, depth + 1);
        }
    }

    /// <summary>What the configuration binder sets: a public setter, or a get-only collection it fills in place.</summary>
    private static bool IsBindable(PropertyInfo property) =>
        property.SetMethod is { IsPublic: true }
        || (property.GetMethod is { IsPublic: true } && property.PropertyType != typeof(string) && !property.PropertyType.IsArray
            && (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(List<>)
                    || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))));

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri) || type == typeof(byte[]);

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) || (type.IsInterface && type.IsGenericType)
            ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
            : null;

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    [GeneratedRegex(@"^#?\s?(?<key>[A-Za-z][A-Za-z0-9_]*)=")]
    private static partial Regex SettingLine();

    /// <summary>One setting as an environment variable name; a prefix stands for any key under it (dictionaries).</summary>
    private sealed record Setting(string Example, bool Prefix)
    {
        public bool Matches(string key) =>
            Prefix ? key.StartsWith(Example, StringComparison.Ordinal) : string.Equals(key, Example, StringComparison.Ordinal);
    }
}
