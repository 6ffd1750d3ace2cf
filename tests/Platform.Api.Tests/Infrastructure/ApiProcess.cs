using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NUnit.Framework;
using Platform.Testing;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// The API as a separate process on a real TCP port, as an operator runs it (and as a browser needs it): start it with
/// an environment, collect its stdout and stderr, wait until it serves, or run it to its exit.
/// </summary>
public static class ApiProcess
{
    public static string ApiDll => Path.Combine(AppContext.BaseDirectory, "Platform.Api.dll");

    public static Dictionary<string, string?> Environment(string? connectionString, string environment) => new()
    {
        ["ConnectionStrings__Platform"] = connectionString,
        ["ASPNETCORE_ENVIRONMENT"] = environment,
        ["DOTNET_ENVIRONMENT"] = null,
        ["Auth__SecretKey"] = TestKeys.SecretKey,
        ["Auth__SigningKeys__0__Id"] = TestKeys.PrimaryId,
        ["Auth__SigningKeys__0__PrivateKey"] = TestKeys.PrimaryPem,
        ["Webhooks__SecretEncryptionKey"] = TestKeys.WebhookSecretEncryptionKey,
        ["Jobs__Enabled"] = "false",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
    };

    public static Process Start(Dictionary<string, string?> environment, StringBuilder output, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ApiDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Verifies <paramref name="email"/> as an operator does, with <c>Platform.Api.dll verify-email</c> against the
    /// database (a bootstrap admin address then becomes admin), and asserts it succeeded.
    /// </summary>
    public static async Task VerifyEmailAsync(string connectionString, string email)
    {
        var environment = Environment(connectionString, "Testing");
        environment["Bootstrap__AdminEmails"] = email;
        var (exit, output) = await RunToExitAsync(environment, "verify-email", email);
        NUnit.Framework.Assert.That(exit, NUnit.Framework.Is.Zero, output);
        NUnit.Framework.Assert.That(output, NUnit.Framework.Does.Contain($"verify-email: {email} is verified; roles: admin, customer."));
    }

    public static async Task<(int Exit, string Output)> RunToExitAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var output = new StringBuilder();
        using var process = Start(environment, output, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The process did not exit within 60 s: " + Snapshot(output));
        }

        process.WaitForExit();
        return (process.ExitCode, Snapshot(output));
    }

    /// <summary>
    /// Starts the API on a free loopback port with the rate limits out of the way (one test client sends all the load)
    /// and then <paramref name="settings"/> over <paramref name="environment"/>; returns the process and a client for it.
    /// The caller waits for it to serve (<see cref="WaitUntilServingAsync"/>) and disposes both.
    /// </summary>
    public static (Process Process, HttpClient Http) StartUnthrottled(
        Dictionary<string, string?> environment, IEnumerable<KeyValuePair<string, string>> settings, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        environment["RateLimiting__Auth__PermitLimit"] = "1000000";
        environment["RateLimiting__Anonymous__PermitLimit"] = "1000000";
        environment["RateLimiting__Authenticated__PermitLimit"] = "1000000";
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var process = Start(environment, output, "--urls", $"http://127.0.0.1:{port}");
        return (process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
    }

    public static async Task WaitUntilServingAsync(HttpClient http, Process process, StringBuilder output)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                Assert.Fail("The API exited: " + Snapshot(output));
            }

            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("The API did not start within 60 s: " + Snapshot(output));
    }

    public static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    public static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>Ends a started API process (and anything it started) if it still runs, and releases it.</summary>
    public static async ValueTask StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
