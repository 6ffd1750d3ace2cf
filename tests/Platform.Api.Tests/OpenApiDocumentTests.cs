using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>The OpenAPI document is usable by client generators: named operations, documented problems, wire-true schemas.</summary>
public sealed class OpenApiDocumentTests : ApiTestBase
{
    [Test]
    public async Task Every_operation_has_a_unique_operation_id_and_api_routes_document_their_problem_responses()
    {
        using var client = Client();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!.AsObject())))
            .ToList();
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        var apiWithoutProblems = operations
            .Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal))
            .Where(o => !o.Operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('4')
                && r.Value!["content"]?["application/problem+json"] is not null))
            .Select(o => $"{o.Method} {o.Path}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(operations, Has.Count.GreaterThanOrEqualTo(15));
            Assert.That(ids, Has.None.Null);
            Assert.That(ids, Is.Unique);
            Assert.That(apiWithoutProblems, Is.Empty);
        });
    }

    [Test]
    public async Task The_merge_patch_body_is_documented_as_optional_nullable_fields()
    {
        using var client = Client();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var patch = document["paths"]!["/api/v1/tickets/{id}"]!["patch"]!;
        var schemas = document["components"]!["schemas"]!;
        var body = schemas["UpdateTicketRequest"]!;
        var assignee = schemas["OptionalOfGuid"]!;

        Assert.Multiple(() =>
        {
            Assert.That(patch["requestBody"]!["content"]!["application/merge-patch+json"], Is.Not.Null);
            Assert.That(body["required"], Is.Null, "absent fields are left alone, so none is required");
            Assert.That(assignee["properties"], Is.Null, "on the wire an optional is its value, not an object");
            Assert.That(assignee["format"]!.GetValue<string>(), Is.EqualTo("uuid"));
        });
    }
}
