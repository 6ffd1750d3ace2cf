using FluentValidation;
using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Identity.Commands.SetUserRoles;
using Platform.Application.Tickets.Queries.ListTickets;
using Platform.Domain.Identity;
using Platform.Testing;

namespace Platform.Application.Tests.Common;

/// <summary>
/// Validation failures are keyed by the field's JSON name: FluentValidation's own resolvers (set by AddApplication)
/// produce snake_case paths, collection indexes and child prefixes included, and messages name the field the same way.
/// </summary>
public sealed class ValidationFieldNameTests : ApplicationTestBase
{
    [Test]
    public void A_collection_element_is_reported_under_its_snake_case_name_and_index()
    {
        var admin = new TestUser(Guid.CreateVersion7(), "admin@example.com", [Role.Admin]);

        var error = Assert.ThrowsAsync<RequestValidationException>(() =>
            App.SendAsync(new SetUserRolesCommand(Guid.CreateVersion7(), [Role.Agent, "superuser"]), admin));

        Assert.That(error!.Errors.Keys, Is.EqualTo(new[] { "roles[1]" }));
    }

    [Test]
    public async Task A_pascal_case_property_is_reported_in_snake_case_and_default_messages_name_it_so()
    {
        var customer = await CustomerAsync();

        var error = Assert.ThrowsAsync<RequestValidationException>(() =>
            App.SendAsync(new ListTicketsQuery(PageSize: 0, Cursor: new string('c', 201)), customer));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "page_size", "cursor" }));
            Assert.That(error.Errors["cursor"].Single(), Does.Contain("'cursor'"), "FluentValidation's default message uses the display name");
        });
    }

    [Test]
    public void Nested_members_and_child_rules_give_dotted_snake_case_paths()
    {
        // Built after AddApplication (the test host) set the resolvers, as every application validator is.
        var validator = new NestedValidator();

        var result = validator.Validate(new Outer(new Inner(0), [new Inner(5), new Inner(0)]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { "filter.page_size", "line_items[1].page_size" }));
            Assert.That(result.Errors.Select(e => e.ErrorMessage), Has.All.Contains("'page_size'"));
        });
    }

    private sealed record Inner(int PageSize);

    private sealed record Outer(Inner Filter, IReadOnlyList<Inner> LineItems);

    private sealed class NestedValidator : AbstractValidator<Outer>
    {
        public NestedValidator()
        {
            RuleFor(x => x.Filter.PageSize).GreaterThan(0);
            RuleForEach(x => x.LineItems).ChildRules(item => item.RuleFor(i => i.PageSize).GreaterThan(0));
        }
    }
}
