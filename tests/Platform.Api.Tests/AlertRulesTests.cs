using System.Diagnostics;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// The Prometheus alert rules (build/deploy/prometheus/alerts.yml) are valid, pass their promtool unit tests, and
/// each has a runbook in docs/runbooks/ that its runbook_url names, and a test that shows it both firing and quiet.
/// </summary>
public sealed partial class AlertRulesTests
{
    private const string RulesFile = "build/deploy/prometheus/alerts.yml";
    private const string RulesTestFile = "build/deploy/prometheus/alerts.test.yml";
    private const string RunbookBase = "https://platform.dev/runbooks/";

    private static async Task<(int Exit, string Output)> PromtoolAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("promtool")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.PathOf("build/deploy/prometheus"),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("promtool is not installed: run the tests with ./build/test.sh, which installs Debian's prometheus package.");
            throw;
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output + error);
        }
    }

    private static IReadOnlyList<(string Alert, string? Runbook)> Alerts()
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf(RulesFile));
        var alerts = new List<(string, string?)>();
        foreach (var block in AlertStart().Split(text).Skip(1).Chunk(2))
        {
            var runbook = RunbookUrl().Match(block[1]);
            alerts.Add((block[0], runbook.Success ? runbook.Groups[1].Value : null));
        }

        return alerts;
    }

    [Test]
    public async Task The_rules_are_valid_for_promtool()
    {
        var (exit, output) = await PromtoolAsync("check", "rules", "alerts.yml");

        Assert.That(exit, Is.Zero, output);
        var records = RecordStart().Matches(File.ReadAllText(RepositoryFiles.PathOf(RulesFile))).Count;
        Assert.That(output, Does.Contain($"SUCCESS: {Alerts().Count + records} rules found"), "every alert and recording rule is a rule promtool counts");
    }

    [Test]
    public async Task Every_rule_unit_test_passes()
    {
        var (exit, output) = await PromtoolAsync("test", "rules", "alerts.test.yml");

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("SUCCESS"));
    }

    [Test]
    public async Task The_compose_Prometheus_configuration_loads_the_rules()
    {
        var (exit, output) = await PromtoolAsync("check", "config", "prometheus.yml");

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("alerts.yml"), "prometheus.yml names the rule file");
    }

    [Test]
    public void Every_alert_links_a_runbook_that_exists()
    {
        var alerts = Alerts();
        var problems = new List<string>();
        foreach (var (alert, runbook) in alerts)
        {
            if (runbook is null || !runbook.StartsWith(RunbookBase, StringComparison.Ordinal))
            {
                problems.Add($"{alert}: runbook_url must start with {RunbookBase}");
                continue;
            }

            var file = $"docs/runbooks/{runbook[RunbookBase.Length..]}.md";
            if (!File.Exists(RepositoryFiles.PathOf(file)))
            {
                problems.Add($"{alert}: {file} does not exist");
            }
            else if (!File.ReadAllText(RepositoryFiles.PathOf(file)).StartsWith($"# {alert}", StringComparison.Ordinal))
            {
                problems.Add($"{alert}: {file} does not start with '# {alert}'");
            }
        }

        Assert.That(alerts, Has.Count.GreaterThanOrEqualTo(14), "the alerts were not found: the rule would pass vacuously");
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_alert_is_tested_both_firing_and_quiet()
    {
        var tests = File.ReadAllText(RepositoryFiles.PathOf(RulesTestFile));
        var evaluations = Evaluation().Matches(tests).Select(m => (Alert: m.Groups[1].Value, Quiet: m.Groups[2].Value.Trim() == "[]")).ToList();
        var untested = Alerts().Select(a => a.Alert)
            .Where(alert => !evaluations.Any(e => e.Alert == alert && e.Quiet) || !evaluations.Any(e => e.Alert == alert && !e.Quiet))
            .ToList();

        Assert.That(untested, Is.Empty, "alerts without a firing and a quiet case in alerts.test.yml");
    }

    [GeneratedRegex(@"^\s+- alert: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AlertStart();

    [GeneratedRegex(@"^\s+- record: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RecordStart();

    [GeneratedRegex(@"runbook_url: (\S+)")]
    private static partial Regex RunbookUrl();

    [GeneratedRegex(@"alertname: (\S+)\s*\n\s*exp_alerts:([^\n]*)")]
    private static partial Regex Evaluation();
}
