using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.RefreshToken;
using Platform.Application.Identity.Queries.ListSessions;
using Platform.Infrastructure.Sessions;
using Platform.Testing;

namespace Platform.Application.Tests.Identity;

/// <summary>What the session tests do over and over: sign in, refresh, list, and read a row back.</summary>
internal static class SessionTestSupport
{
    /// <summary>The password <see cref="ApplicationTestHost.CreateUserAsync"/> gives every user.</summary>
    public const string Password = "correct horse battery";

    public static Task<TokenDto> SignInAsync(this ApplicationTestHost app, TestUser user, string? deviceName = null, string? userAgent = null, string? ip = null) =>
        app.SendAsync(new IssueTokenCommand(user.Email, Password, deviceName, userAgent), ip: ip);

    /// <summary>Refreshes and expects new tokens; a failure outcome fails the test with its code.</summary>
    public static async Task<TokenDto> RefreshAsync(this ApplicationTestHost app, string refreshToken)
    {
        var outcome = await app.SendAsync(new RefreshTokenCommand(refreshToken));
        Assert.That(outcome.Failure, Is.Null, () => $"refresh failed with {outcome.Failure?.Code}");
        return outcome.Tokens!;
    }

    /// <summary>The error code a refresh ends with, whether thrown or answered as an outcome; null when it worked.</summary>
    public static async Task<string?> RefreshErrorAsync(this ApplicationTestHost app, string refreshToken)
    {
        try
        {
            var outcome = await app.SendAsync(new RefreshTokenCommand(refreshToken));
            return outcome.Failure?.Code;
        }
        catch (AppException ex)
        {
            return ex.Code;
        }
    }

    public static async Task<IReadOnlyList<SessionDto>> ListSessionsAsync(this ApplicationTestHost app, TestUser user, Guid? sessionId = null) =>
        (await app.SendAsync(new ListSessionsQuery(PageSize: 100), user with { SessionId = sessionId ?? user.SessionId })).Items;

    /// <summary>Whether this instance refuses the session's access tokens at once (without waiting for them to expire).</summary>
    public static bool RefusesAccessTokensOf(this ApplicationTestHost app, Guid sessionId) =>
        app.Services.GetRequiredService<SessionRevocationCache>().IsRevoked(sessionId);

    public static async Task<T?> ScalarAsync<T>(this TestDatabase database, string sql, params object[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public static async Task ExecuteAsync(this TestDatabase database, string sql, params object[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
