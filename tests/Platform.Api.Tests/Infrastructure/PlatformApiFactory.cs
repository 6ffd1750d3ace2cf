using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// The real API (Program) on the test server against the assembly's PostgreSQL database. Test-only: the
/// <c>X-Test-Client-IP</c> header sets the connection's remote address, so tests can act from several client IPs.
/// <paramref name="services"/> adds registrations of the test's own, such as an inbound source only tests use.
/// </summary>
public sealed class PlatformApiFactory(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string ClientIpHeader = "X-Test-Client-IP";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Platform", database.ConnectionString);
        foreach (var (key, value) in TestKeys.Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Bootstrap:AdminEmails", "root@example.com");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("RateLimiting:Auth:PermitLimit", "1000");
        builder.UseSetting("RateLimiting:Auth:WindowSeconds", "60");
        builder.UseSetting("RateLimiting:Authenticated:PermitLimit", "100000");
        builder.UseSetting("RateLimiting:Anonymous:PermitLimit", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(registrations =>
        {
            registrations.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientIpStartupFilter>();
            services?.Invoke(registrations);
        });
    }

    /// <summary>Verifies an address as an operator does (<c>verify-email</c>): through the application's own command.</summary>
    public async Task VerifyEmailAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>()
            .Send(new Platform.Application.Identity.Commands.MarkEmailVerified.MarkEmailVerifiedCommand(email));
    }

    private sealed class ClientIpStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress =
                    IPAddress.TryParse(context.Request.Headers[ClientIpHeader].ToString(), out var ip) ? ip : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
