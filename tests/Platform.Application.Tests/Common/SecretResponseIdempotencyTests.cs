using System.Security.Cryptography;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;
using Platform.Application.Tests.Auditing;
using Platform.Application.Tests.Identity;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Testing;

namespace Platform.Application.Tests.Common;

/// <summary>
/// An idempotent create whose response carries a one-time secret, as creating a webhook will: through the real
/// pipeline and PostgreSQL, the stored response is encrypted, a replay returns the same secret, and a row that cannot
/// be read back is an error that runs nothing again.
/// </summary>
public sealed class SecretResponseIdempotencyTests : ApplicationTestBase
{
    private HandlerRuns runs = new();

    private ApplicationTestHost Secrets { get; set; } = null!;

    [SetUp]
    public void StartSecretsHost()
    {
        runs = new HandlerRuns();
        Secrets = Host();
    }

    [TearDown]
    public async Task StopSecretsHostAsync() => await Secrets.DisposeAsync();

    [Test]
    public async Task The_stored_response_holds_no_plain_secret_and_a_replay_returns_the_same_secret()
    {
        var user = await CustomerAsync();
        var command = new CreateSecretHookCommand("https://hooks.example.com/in", "hook-1");

        var (first, firstReplayed) = await Secrets.SendWithOutcomeAsync(command, user);
        var (second, secondReplayed) = await Secrets.SendWithOutcomeAsync(command, user);

        var stored = await StoredAsync("hook-1");
        Assert.Multiple(() =>
        {
            Assert.That(first.SigningSecret, Does.StartWith("whsec_"));
            Assert.That(stored, Does.StartWith(StoredResponse.EncryptedPrefix));
            Assert.That(stored, Does.Not.Contain(first.SigningSecret[6..]).And.Not.Contain("signing_secret").And.Not.Contain("hooks.example.com"));
            Assert.That((firstReplayed, secondReplayed), Is.EqualTo((false, true)));
            Assert.That(second, Is.EqualTo(first), "the same id and the same secret");
            Assert.That(runs.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_host_whose_server_secret_differs_cannot_read_it_and_runs_nothing_again()
    {
        var user = await CustomerAsync();
        var command = new CreateSecretHookCommand("https://hooks.example.com/in", "hook-2");
        var first = await Secrets.SendAsync(command, user);

        // Same fingerprint key (the test host fixes it), so the replay reaches the stored response.
        await using var other = Host(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var error = Assert.ThrowsAsync<StoredResponseUnreadableException>(() => other.SendAsync(command, user));

        var again = await Secrets.SendAsync(command, user);
        Assert.Multiple(async () =>
        {
            Assert.That(error!.Message, Does.Not.Contain(first.SigningSecret[6..]));
            Assert.That(runs.Count, Is.EqualTo(1), "no second hook, no second secret");
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(1), "the key is kept");
            Assert.That(again, Is.EqualTo(first), "the right key still reads it");
        });
    }

    [TestCase("alter the ciphertext")]
    [TestCase("another row's ciphertext")]
    [TestCase("plain text")]
    public async Task A_tampered_row_is_an_error_not_a_missing_key(string tampering)
    {
        var user = await CustomerAsync();
        var command = new CreateSecretHookCommand("https://hooks.example.com/in", "hook-3");
        await Secrets.SendAsync(command, user);
        await Secrets.SendAsync(command with { IdempotencyKey = "hook-4" }, user);
        var sql = tampering switch
        {
            "alter the ciphertext" => "UPDATE idempotency_keys SET response_json = left(response_json, -2) || CASE WHEN right(response_json, 2) = 'AA' THEN 'AB' ELSE 'AA' END WHERE key = 'hook-3'",
            "another row's ciphertext" => "UPDATE idempotency_keys SET response_json = (SELECT response_json FROM idempotency_keys WHERE key = 'hook-4') WHERE key = 'hook-3'",
            _ => """UPDATE idempotency_keys SET response_json = '{"id":"00000000-0000-0000-0000-000000000000","url":"https://x","signing_secret":"whsec_chosen-by-someone-else"}' WHERE key = 'hook-3'""",
        };
        Assert.That(await Database.ScalarAsync<int>($"WITH changed AS ({sql} RETURNING 1) SELECT count(*)::int FROM changed"), Is.EqualTo(1));

        Assert.ThrowsAsync<StoredResponseUnreadableException>(() => Secrets.SendAsync(command, user));

        Assert.Multiple(async () =>
        {
            Assert.That(runs.Count, Is.EqualTo(2), "the tampered key ran nothing again");
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_secret_shaped_value_in_an_unmarked_response_is_encrypted_too()
    {
        var user = await CustomerAsync();
        var command = new CreateUnmarkedHookCommand("hook-5");

        var first = await Secrets.SendAsync(command, user);
        var (second, replayed) = await Secrets.SendWithOutcomeAsync(command, user);

        var stored = await StoredAsync("hook-5");
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.StartWith(StoredResponse.EncryptedPrefix).And.Not.Contain(first.Note[6..]));
            Assert.That((second, replayed), Is.EqualTo((first, true)));
        });
    }

    [Test]
    public async Task A_response_without_a_secret_is_still_stored_as_plain_json()
    {
        var user = await CustomerAsync();

        await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "plain-1"), user);

        Assert.That(await StoredAsync("plain-1"), Does.StartWith("{").And.Contain("\"subject\":\"Printer\""));
    }

    private ApplicationTestHost Host(string? secretKey = null) =>
        new(Database, secretKey is null ? null : new Dictionary<string, string?> { ["Auth:SecretKey"] = secretKey }, services =>
        {
            services.AddSingleton(runs);
            services.AddScoped<IRequestHandler<CreateSecretHookCommand, SecretHookDto>, CreateSecretHookCommandHandler>();
            services.AddSingleton<IValidator<CreateSecretHookCommand>, CreateSecretHookCommandValidator>();
            services.AddScoped<IRequestHandler<CreateUnmarkedHookCommand, UnmarkedHookDto>, CreateUnmarkedHookCommandHandler>();
            services.AddSingleton<IValidator<CreateUnmarkedHookCommand>, CreateUnmarkedHookCommandValidator>();
        });

    private async Task<string> StoredAsync(string key) =>
        (await Database.ScalarAsync<string>("SELECT response_json FROM idempotency_keys WHERE key = $1", key))!;

    internal sealed class HandlerRuns
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    /// <summary>Shaped like the coming webhook create: the signing secret is shown once, in this response.</summary>
    internal sealed record SecretHookDto(Guid Id, string Url, [property: Sensitive] string SigningSecret);

    internal sealed record CreateSecretHookCommand(string Url, string? IdempotencyKey = null) : ICommand<SecretHookDto>, IIdempotentCommand;

    internal sealed class CreateSecretHookCommandValidator : AbstractValidator<CreateSecretHookCommand>;

    internal sealed class CreateSecretHookCommandHandler(HandlerRuns runs) : IRequestHandler<CreateSecretHookCommand, SecretHookDto>
    {
        public Task<SecretHookDto> Handle(CreateSecretHookCommand request, CancellationToken cancellationToken)
        {
            runs.Add();
            return Task.FromResult(new SecretHookDto(Guid.CreateVersion7(), request.Url, SecretRulesTests.WebhookSecret()));
        }
    }

    /// <summary>A response whose author forgot the attribute and chose an innocent name.</summary>
    internal sealed record UnmarkedHookDto(Guid Id, string Note);

    internal sealed record CreateUnmarkedHookCommand(string? IdempotencyKey = null) : ICommand<UnmarkedHookDto>, IIdempotentCommand;

    internal sealed class CreateUnmarkedHookCommandValidator : AbstractValidator<CreateUnmarkedHookCommand>;

    internal sealed class CreateUnmarkedHookCommandHandler(HandlerRuns runs) : IRequestHandler<CreateUnmarkedHookCommand, UnmarkedHookDto>
    {
        public Task<UnmarkedHookDto> Handle(CreateUnmarkedHookCommand request, CancellationToken cancellationToken)
        {
            runs.Add();
            return Task.FromResult(new UnmarkedHookDto(Guid.CreateVersion7(), SecretRulesTests.WebhookSecret()));
        }
    }
}
