using NUnit.Framework;
using Platform.Testing;

namespace Platform.Application.Tests;

/// <summary>Creates the application tests' database once for the assembly.</summary>
[SetUpFixture]
public sealed class ApplicationDatabase
{
    private static TestDatabase? instance;

    public static TestDatabase Instance => instance ?? throw new InvalidOperationException("The application test database is not ready.");

    [OneTimeSetUp]
    public async Task CreateAsync() => instance = await TestDatabase.CreateAsync("application");

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }
    }
}
