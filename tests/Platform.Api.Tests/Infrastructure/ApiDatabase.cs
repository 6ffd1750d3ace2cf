using NUnit.Framework;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>Creates the API tests' database once for the assembly.</summary>
[SetUpFixture]
public sealed class ApiDatabase
{
    private static TestDatabase? instance;

    public static TestDatabase Instance => instance ?? throw new InvalidOperationException("The API test database is not ready.");

    [OneTimeSetUp]
    public async Task CreateAsync() => instance = await TestDatabase.CreateAsync("api");

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }
    }
}
