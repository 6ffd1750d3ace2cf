using System.Diagnostics;
using NUnit.Framework;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own, started and stopped with build/lib/pg.sh, so a test can take the database
/// away from a running API and bring it back without disturbing the server the other tests share.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string script;
    private readonly string area;

    private PostgresCluster(string script, string area, int port)
    {
        this.script = script;
        this.area = area;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres";

    /// <summary>Creates and starts a throwaway cluster; the test is ignored when no PostgreSQL binaries can be found.</summary>
    public static async Task<PostgresCluster> StartNewAsync()
    {
        var script = FindScript();
        var area = Directory.CreateTempSubdirectory("platform-fault-pg.").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // pg.sh runs the server as the postgres user when we are root: it must reach the area.
            File.SetUnixFileMode(area, (UnixFileMode)0b111_101_101);
        }
        var cluster = new PostgresCluster(script, area, ApiProcess.FreePort());
        var (exit, output) = await cluster.RunAsync("pg_ensure_binaries");
        if (exit != 0)
        {
            Directory.Delete(area, recursive: true);
            Assert.Ignore("No PostgreSQL binaries to start a cluster of the test's own: " + output);
        }

        await cluster.StartAsync();
        return cluster;
    }

    public async Task StartAsync()
    {
        var (exit, output) = await RunAsync($"pg_start \"$AREA\" {Port} throwaway");
        Assert.That(exit, Is.EqualTo(0), "pg_start: " + output);
    }

    /// <summary>Stops the cluster (fast shutdown: sessions are terminated, new connections refused).</summary>
    public async Task StopAsync()
    {
        var (exit, output) = await RunAsync("pg_stop \"$AREA\"");
        Assert.That(exit, Is.EqualTo(0), "pg_stop: " + output);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("pg_stop \"$AREA\"");
        try
        {
            Directory.Delete(area, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private async Task<(int Exit, string Output)> RunAsync(string command)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"source \"$SCRIPT\" && {command}");
        info.Environment["SCRIPT"] = script;
        info.Environment["AREA"] = area;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "build", "lib", "pg.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Ignore("build/lib/pg.sh not found above " + AppContext.BaseDirectory);
        return string.Empty;
    }
}
