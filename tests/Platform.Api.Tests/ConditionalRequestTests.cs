using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

public sealed class ConditionalRequestTests : ApiTestBase
{
    [Test]
    public async Task Get_with_a_matching_If_None_Match_is_304_with_no_body()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var response = await SendAsync(client, HttpMethod.Get, $"/api/v1/tickets/{id}", headers: new Dictionary<string, string> { ["If-None-Match"] = "\"v1\"" });
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(304));
            Assert.That(bytes, Is.Empty);
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v1\""));
        });
    }

    [Test]
    public async Task Get_with_a_different_If_None_Match_is_200_with_the_current_ETag()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));
        var changed = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"Changed"}""");
        Assert.That((int)changed.StatusCode, Is.EqualTo(200));

        var response = await SendAsync(client, HttpMethod.Get, $"/api/v1/tickets/{id}", headers: new Dictionary<string, string> { ["If-None-Match"] = "\"v1\"" });
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v2\""));
            Assert.That(StringOf(body, "subject"), Is.EqualTo("Changed"));
        });
    }

    [Test]
    public async Task A_list_page_sends_an_ETag_and_answers_304_until_the_list_changes()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        await CreateTicketAsync(client);
        var first = await client.GetAsync("/api/v1/tickets");
        var etag = first.Headers.ETag?.ToString();
        Assert.That(etag, Does.StartWith("\"").And.EndWith("\""), "a strong ETag");

        var unchanged = await SendAsync(client, HttpMethod.Get, "/api/v1/tickets", headers: new Dictionary<string, string> { ["If-None-Match"] = etag! });
        await CreateTicketAsync(client, "Another");
        var changed = await SendAsync(client, HttpMethod.Get, "/api/v1/tickets", headers: new Dictionary<string, string> { ["If-None-Match"] = etag! });

        Assert.Multiple(() =>
        {
            Assert.That((int)unchanged.StatusCode, Is.EqualTo(304));
            Assert.That((int)changed.StatusCode, Is.EqualTo(200));
            Assert.That(changed.Headers.ETag?.ToString(), Is.Not.EqualTo(etag));
        });
    }

    [Test]
    public async Task Patch_with_the_current_If_Match_is_200_with_the_new_ETag_v2()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var response = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"Changed"}""", ifMatch: "\"v1\"");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v2\""));
            Assert.That(body["version"]?.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Patch_with_a_stale_If_Match_is_412_precondition_failed_and_changes_nothing()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));
        var first = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"First writer"}""", ifMatch: "\"v1\"");
        Assert.That((int)first.StatusCode, Is.EqualTo(200));

        var second = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"Second writer"}""", ifMatch: "\"v1\"");

        await AssertProblemAsync(second, 412, "precondition.failed");
        var current = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{id}"));
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(current, "subject"), Is.EqualTo("First writer"));
            Assert.That(current["version"]?.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Patch_with_an_If_Match_that_is_not_a_version_tag_is_412()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var response = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"subject":"Changed"}""", ifMatch: "\"abc\"");

        await AssertProblemAsync(response, 412, "precondition.failed");
    }
}
