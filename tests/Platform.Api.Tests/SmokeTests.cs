using System.Net.Http.Json;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

public sealed class SmokeTests : ApiTestBase
{
    [Test]
    public async Task A_customer_can_register_sign_in_and_create_a_ticket()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var response = await client.PostAsJsonAsync("/api/v1/tickets", new { subject = "Printer", body = "On fire" });
        var body = await JsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/tickets/{body["id"]}"));
            Assert.That(body["status"]?.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(body["priority"]?.GetValue<string>(), Is.EqualTo("normal"));
        });
    }

    [Test]
    public async Task An_unknown_ticket_is_a_404_problem()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var response = await client.GetAsync($"/api/v1/tickets/{Guid.NewGuid()}");
        await AssertProblemAsync(response, 404, "tickets.not_found");
    }
}
