using Microsoft.Extensions.Configuration;

namespace Platform.Infrastructure.Configuration;

/// <summary>
/// Binds a configuration section to its options type, collecting every value that does not convert instead of
/// stopping at the first one, so start-up and <c>check-config</c> can name each bad setting. A value that does not
/// convert leaves the property at its default, so the rules that follow still check the rest.
/// </summary>
public static class SettingsBinder
{
    public static T Bind<T>(IConfiguration configuration, string sectionName, ICollection<string> problems)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var section = configuration.GetSection(sectionName);
        try
        {
            return section.Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            // Some value does not convert. Find each one by binding every value on its own (into a throwaway
            // instance, because binding a list element twice would append it twice).
        }

        foreach (var (key, value) in section.AsEnumerable().Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            try
            {
                Single(key, value).GetSection(sectionName).Get<T>();
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }

        // The result keeps what does convert: each top-level property of the section is bound on its own.
        var result = new T();
        foreach (var child in section.GetChildren())
        {
            try
            {
                new ConfigurationBuilder().AddInMemoryCollection(child.AsEnumerable()).Build().GetSection(sectionName).Bind(result);
            }
            catch (InvalidOperationException)
            {
                // Already reported above.
            }
        }

        return result;
    }

    private static IConfigurationRoot Single(string key, string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]).Build();
}
