using NUnit.Framework;
using Platform.Domain.Identity;
using Platform.Testing;

namespace Platform.Application.Tests;

/// <summary>A fresh application host and an empty database for every test.</summary>
public abstract class ApplicationTestBase
{
    protected ApplicationTestHost App { get; private set; } = null!;

    protected TestDatabase Database => ApplicationDatabase.Instance;

    protected virtual IDictionary<string, string?>? Settings => null;

    [SetUp]
    public async Task StartAsync()
    {
        await Database.ResetAsync();
        App = new ApplicationTestHost(Database, Settings);
    }

    [TearDown]
    public async Task StopAsync()
    {
        // App is null when StartAsync failed; let that failure, not this one, be the one reported.
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    protected Task<TestUser> CustomerAsync() => App.CreateUserAsync(null, Role.Customer);

    protected Task<TestUser> AgentAsync() => App.CreateUserAsync(null, Role.Agent);

    protected Task<TestUser> AdminAsync() => App.CreateUserAsync(null, Role.Admin);
}
