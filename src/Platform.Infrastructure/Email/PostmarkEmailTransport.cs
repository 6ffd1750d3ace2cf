using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Application.Common.Email;

namespace Platform.Infrastructure.Email;

/// <summary>
/// Sends through Postmark's HTTP API (<c>POST /email</c> with the server token). 200 with <c>ErrorCode</c> 0 is
/// accepted and its <c>MessageID</c> kept (Postmark's bounce and delivery webhooks refer to it). 422 and other 4xx
/// refuse the message for good, with Postmark's reason; 401 and 403 (a wrong or revoked token), 429 and 5xx are
/// transient, since fixing the token or waiting makes them work.
/// </summary>
internal sealed class PostmarkEmailTransport(HttpClient http, EmailPostmarkOptions options) : IEmailTransport
{
    public const string ClientName = "email-postmark";

    /// <summary>Postmark's field names are PascalCase (<c>From</c>, <c>TextBody</c>): no naming policy, unlike the web defaults.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public async Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.BaseUrl.TrimEnd('/') + "/"), "email"));
        request.Headers.Add("X-Postmark-Server-Token", options.ServerToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Content = JsonContent.Create(new PostmarkEmail(
            email.From.Name is null ? email.From.Address : $"\"{email.From.Name.Replace("\"", "'", StringComparison.Ordinal)}\" <{email.From.Address}>",
            email.To,
            email.Subject,
            email.Text,
            email.Html,
            options.MessageStream,
            [new PostmarkHeader("X-Platform-Message-Id", email.Id.ToString())],
            new Dictionary<string, string> { ["platform_message_id"] = email.Id.ToString() }),
            options: Json);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var answer = await ReadAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && answer is { ErrorCode: 0, MessageID.Length: > 0 })
            {
                return EmailSendResult.Accepted(answer.MessageID);
            }

            var error = $"Postmark {status}: {(answer is null ? "unreadable answer" : $"error {answer.ErrorCode}: {answer.Message}")}";
            return status is 401 or 403 or 429 or >= 500 || response.IsSuccessStatusCode
                ? EmailSendResult.Transient(error)
                : EmailSendResult.Permanent(error);
        }
        catch (HttpRequestException ex)
        {
            return EmailSendResult.Transient($"Postmark unreachable: {ex.Message}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<PostmarkAnswer?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<PostmarkAnswer>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private sealed record PostmarkEmail(
        string From,
        string To,
        string Subject,
        string TextBody,
        string HtmlBody,
        string MessageStream,
        IReadOnlyList<PostmarkHeader> Headers,
        IReadOnlyDictionary<string, string> Metadata);

    private sealed record PostmarkHeader(string Name, string Value);

    private sealed record PostmarkAnswer(
        [property: JsonPropertyName("ErrorCode")] int ErrorCode,
        [property: JsonPropertyName("Message")] string? Message,
        [property: JsonPropertyName("MessageID")] string? MessageID);
}
