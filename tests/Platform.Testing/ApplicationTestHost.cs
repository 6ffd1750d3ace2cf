using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Identity.Commands.SetUserRoles;
using Platform.Domain.Identity;
using Platform.Infrastructure;

namespace Platform.Testing;

/// <summary>
/// The application as the API composes it (same behaviours, same PostgreSQL adapters), without HTTP: tests send
/// commands and queries as a chosen user through the real pipeline.
/// </summary>
public sealed class ApplicationTestHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> started = [];

    public ApplicationTestHost(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Database = database;
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = database.ConnectionString,
            ["Auth:SecretKey"] = TestKeys.SecretKey,
            ["Auth:SigningKeys:0:Id"] = TestKeys.PrimaryId,
            ["Auth:SigningKeys:0:PrivateKey"] = TestKeys.PrimaryPem,
            ["Bootstrap:AdminEmails"] = "root@example.com",
            ["Jobs:Enabled"] = "false",
            ["Webhooks:SecretEncryptionKey"] = TestKeys.WebhookSecretEncryptionKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        services.Configure<Application.Webhooks.WebhookOptions>(configuration.GetSection(Application.Webhooks.WebhookOptions.SectionName));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.Configure<Application.Common.Email.EmailOptions>(configuration.GetSection(Application.Common.Email.EmailOptions.SectionName));
        services.PostConfigure<Application.Common.Email.EmailOptions>(o => o.ContentKey = [.. Enumerable.Repeat((byte)9, 32)]);
        services.Configure<Application.Common.Idempotency.IdempotencyOptions>(configuration.GetSection("Idempotency"));
        services.Configure<PagingOptions>(o => o.CursorKey = new byte[32]);
        services.Configure<Application.Common.Idempotency.IdempotencyOptions>(o => o.FingerprintKey = [.. Enumerable.Repeat((byte)7, 32)]);
        var responseKey = Application.Common.Idempotency.StoredResponse.DeriveKey(Convert.FromBase64String(values["Auth:SecretKey"]!));
        services.Configure<Application.Common.Idempotency.IdempotencyOptions>(o => o.ResponseKey = responseKey);
        services.AddScoped<TestCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestCurrentUser>());
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<TestCurrentUser>());
        configure?.Invoke(services);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public TestDatabase Database { get; }

    public TestClock Clock { get; } = new();

    public IServiceProvider Services => provider;

    /// <summary>Sends a request as the given user (anonymous when null) in a fresh scope, like one HTTP request.</summary>
    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, TestUser? user = null, string? ip = null)
    {
        await using var scope = provider.CreateAsyncScope();
        var current = scope.ServiceProvider.GetRequiredService<TestCurrentUser>();
        current.User = user;
        if (ip is not null)
        {
            current.Ip = ip;
        }

        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Sends in a scope and also returns whether the idempotency behaviour replayed a stored response.</summary>
    public async Task<(TResponse Response, bool Replayed)> SendWithOutcomeAsync<TResponse>(IRequest<TResponse> request, TestUser? user = null)
    {
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestCurrentUser>().User = user;
        var response = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        return (response, scope.ServiceProvider.GetRequiredService<Application.Common.Idempotency.IdempotencyOutcome>().Replayed);
    }

    /// <summary>
    /// Registers a user and gives them the roles asked for (through the real commands). Registration's own outbox row
    /// (the request for a verification mail) is removed, so tests of other features start from an empty outbox; the
    /// account-mail tests register through <see cref="SendAsync{TResponse}"/> and keep it.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(string? email = null, params string[] roles)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var dto = await SendAsync(new RegisterUserCommand(email, "correct horse battery", "Test User"));
        await using (var clear = Database.DataSource.CreateCommand("DELETE FROM outbox_messages WHERE type = 'identity.account_mail_requested'"))
        {
            await clear.ExecuteNonQueryAsync();
        }

        var wanted = roles.Length == 0 ? [Role.Customer] : roles;
        if (!wanted.SequenceEqual(dto.Roles))
        {
            var admin = new TestUser(Guid.CreateVersion7(), "system@example.com", [Role.Admin]);
            dto = await SendAsync(new SetUserRolesCommand(dto.Id, wanted), admin);
        }

        return new TestUser(dto.Id, dto.Email, dto.Roles);
    }

    /// <summary>
    /// Starts the hosted services the API would run (the notification listener, the outbox dispatcher), as a host
    /// would; they are stopped when the test host is disposed.
    /// </summary>
    public async Task StartBackgroundServicesAsync()
    {
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            started.Add(service);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(started))
        {
            await service.StopAsync(CancellationToken.None);
        }

        started.Clear();
        await provider.DisposeAsync();
    }
}
