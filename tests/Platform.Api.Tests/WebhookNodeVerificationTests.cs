using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// A second, independent Standard Webhooks implementation verifies what Platform sends: the <c>standardwebhooks</c>
/// npm package (tests/webhooks-node/verify.mjs, installed by build/test.sh), as an integrator's Node.js receiver
/// would use it. During a rotation's grace period it accepts the message with either secret, because it tries every
/// signature in the header.
/// </summary>
public sealed class WebhookNodeVerificationTests : WebhookApiTestBase
{
    [Test]
    public async Task The_npm_package_verifies_a_delivered_message_with_the_new_or_the_old_secret_during_a_rotation_and_refuses_a_forgery()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/node-{Guid.NewGuid():N}";
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{Receiver.Url(path)}}","event_types":["tickets.created"]}"""));
        var oldSecret = StringOf(created, "secret")!;
        var rotated = await JsonAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/webhooks/endpoints/{IdOf(created)}/rotate-secret"));
        var newSecret = StringOf(rotated, "secret")!;

        await CreateTicketAsync(admin);
        var got = (await Receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15))).Single();

        var withNew = await VerifyAsync(newSecret, got.Body, got);
        var withOld = await VerifyAsync(oldSecret, got.Body, got);
        var tampered = await VerifyAsync(newSecret, got.Body.Replace("tickets.created", "tickets.updated", StringComparison.Ordinal), got);
        var stranger = await VerifyAsync("whsec_" + Convert.ToBase64String(new byte[32]), got.Body, got);

        Assert.Multiple(() =>
        {
            Assert.That(withNew, Is.EqualTo((0, "verified tickets.created")));
            Assert.That(withOld, Is.EqualTo((0, "verified tickets.created")), "the old secret still verifies during the grace period");
            Assert.That(tampered.Exit, Is.EqualTo(1), tampered.Output);
            Assert.That(stranger.Exit, Is.EqualTo(1), stranger.Output);
        });
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(string secret, string body, ReceivedWebhook got)
    {
        var project = Path.Combine(RepoRoot(), "tests", "webhooks-node");
        if (!File.Exists(Path.Combine(project, "node_modules", "standardwebhooks", "package.json")))
        {
            Assert.Fail($"{project}/node_modules is missing (npm ci). Run build/test.sh, which installs it.");
        }

        var info = new ProcessStartInfo("node", "verify.mjs")
        {
            WorkingDirectory = project,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Could not start node ({e.Message}). Node.js 20+ must be on PATH; run build/test.sh.");
            throw;
        }

        using (process)
        {
            var input = new JsonObject
            {
                ["secret"] = secret,
                ["body"] = body,
                ["headers"] = new JsonObject { ["webhook-id"] = got.Id, ["webhook-timestamp"] = got.Timestamp, ["webhook-signature"] = got.Signature },
            };
            await process.StandardInput.WriteAsync(input.ToJsonString());
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
        }
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
