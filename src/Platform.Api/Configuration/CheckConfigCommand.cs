using Platform.Infrastructure;

namespace Platform.Api.Configuration;

/// <summary>
/// <c>dotnet Platform.Api.dll check-config</c>: reads the configuration exactly as start-up does (same files,
/// environment variables and command line, same environment), runs the same checks start-up runs, and lists every
/// problem instead of stopping at the first. It builds no host, opens no connection and runs no migration.
/// Exit status 0 when there is nothing to fix, 2 otherwise; no secret value is ever printed.
/// </summary>
internal static class CheckConfigCommand
{
    public const string Name = "check-config";

    public const int ProblemsExitCode = 2;

    public static int Run(string[] args)
    {
        WebApplicationBuilder builder;
        try
        {
            builder = WebApplication.CreateBuilder(args);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            // A configuration file that does not parse. Nothing of it was read, so there is nothing to redact from.
            Console.Out.WriteLine($"Configuration error: the configuration could not be read: {ex.Message}");
            Console.Out.WriteLine("check-config: 1 problem.");
            return ProblemsExitCode;
        }

        var configuration = builder.Configuration;
        var environment = builder.Environment;
        var problems = StartupConfiguration.Problems(configuration, environment)
            .Concat(WebhookStartupConfiguration.Problems(configuration, environment))
            .Concat(EmailStartupConfiguration.Problems(configuration))
            .Concat(DependencyInjection.ConfigurationProblems(configuration))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var redactor = SecretRedactor.From(configuration);
        Console.Out.WriteLine(redactor.Redact($"check-config: environment {environment.EnvironmentName}"));
        foreach (var problem in problems)
        {
            Console.Out.WriteLine(redactor.Redact($"Configuration error: {problem}"));
        }

        if (problems.Count == 0)
        {
            Console.Out.WriteLine("check-config: no problems found.");
            return 0;
        }

        Console.Out.WriteLine($"check-config: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; the service would refuse to start.");
        return ProblemsExitCode;
    }
}
