namespace Platform.Api.Configuration;

/// <summary>
/// <c>AddAuthentication</c> registers ASP.NET Core data protection, which Platform never uses: bearer tokens are
/// signed with its own keys, and there are no authentication cookies or antiforgery tokens. Data protection's hosted
/// service would still load (on a first start: create and write) an XML key ring under the home directory when the
/// instance starts, which loads the XML stack for nothing and leaves an unencrypted key file behind. Only that eager
/// start is removed; anything that asks for a protector later still gets one, created on first use.
/// </summary>
internal static class DataProtectionStartup
{
    private const string HostedServiceNamespace = "Microsoft.AspNetCore.DataProtection";

    public static IServiceCollection RemoveDataProtectionStartup(this IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(IHostedService)
                && descriptor.ImplementationType?.Namespace?.StartsWith(HostedServiceNamespace, StringComparison.Ordinal) == true)
            {
                services.RemoveAt(i);
            }
        }

        return services;
    }
}
