using System.Diagnostics;
using NUnit.Framework;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from (scripts under build/, templates under build/deploy/).</summary>
public static class RepositoryFiles
{
    /// <summary>The folder that holds Platform.sln, found upwards from the test assembly.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                {
                    return dir.FullName;
                }
            }

            Assert.Fail("Platform.sln not found above " + AppContext.BaseDirectory);
            return string.Empty;
        }
    }

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Runs a script of the repository with bash and an environment of its own; returns its exit status and output.</summary>
    public static async Task<(int Exit, string Output)> RunScriptAsync(string relativePath, IDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        info.ArgumentList.Add(PathOf(relativePath));
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

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{relativePath} did not finish within 5 minutes");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
