using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Testing;
using static Platform.Api.Tests.Infrastructure.ApiProcess;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>One API process (environment Testing, so http:// receivers are allowed) on a free port, with its output collected.</summary>
public sealed class ApiInstance : IAsyncDisposable
{
    private const string AdminEmail = "root@example.com";
    private const string Password = "correct horse battery";

    private readonly Process process;
    private readonly StringBuilder output;
    private readonly HttpClient http;

    private ApiInstance(Process process, StringBuilder output, HttpClient http, string connectionString)
    {
        ConnectionString = connectionString;
        this.process = process;
        this.output = output;
        this.http = http;
        // The delivery worker names itself machine:pid:random on its leases and attempts.
        OwnerPrefix = string.Create(CultureInfo.InvariantCulture, $"{System.Environment.MachineName}:{process.Id}:");
    }

    public string OwnerPrefix { get; }

    private string ConnectionString { get; }

    public static async Task<ApiInstance> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        var environment = Environment(database.ConnectionString, "Testing");
        environment["Bootstrap__AdminEmails"] = AdminEmail;
        environment["Webhooks__AllowedHosts__0"] = "127.0.0.1";
        var output = new StringBuilder();
        var (process, http) = StartUnthrottled(environment, settings, output);
        var instance = new ApiInstance(process, output, http, database.ConnectionString);
        try
        {
            await WaitUntilServingAsync(http, process, output);
            await instance.WaitUntilReadyAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    public bool Owns(string owner) => owner.StartsWith(OwnerPrefix, StringComparison.Ordinal);

    /// <summary>A client signed in as the bootstrap admin (registered on first use; every instance shares the database).</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var registered = await http.PostAsJsonAsync("/api/v1/auth/register", new { email = AdminEmail, password = Password, display_name = "Root" });
        Assert.That((int)registered.StatusCode, Is.AnyOf(201, 409), await registered.Content.ReadAsStringAsync());
        if ((int)registered.StatusCode == 201)
        {
            await ApiProcess.VerifyEmailAsync(ConnectionString, AdminEmail);
        }

        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = Password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        var client = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(text)!["access_token"]!.GetValue<string>());
        return client;
    }

    /// <summary>SIGKILL: no shutdown, nothing given back, sockets closed by the kernel.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await ApiProcess.StopAsync(process);
    }

    private async Task WaitUntilReadyAsync()
    {
        var waited = Stopwatch.StartNew();
        while ((await http.GetAsync("/ready")).StatusCode != HttpStatusCode.OK)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail("/ready did not become 200 within 30 s: " + Snapshot(output));
            }

            await Task.Delay(200);
        }
    }
}
