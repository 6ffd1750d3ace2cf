using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Platform.Application.Tests.Common;

/// <summary>
/// Validators are registered by FluentValidation's assembly scan as singletons. That is only safe while a
/// validator holds no dependency (a singleton would keep the first scope's DbContext or user for good).
/// </summary>
public sealed class ValidatorRegistrationTests
{
    private static readonly Type[] ApplicationValidators =
        [.. typeof(DependencyInjection).Assembly.GetTypes().Where(IsConcreteValidator)];

    [Test]
    public void Every_application_validator_internal_ones_included_is_registered_once_as_a_singleton()
    {
        var registered = new ServiceCollection().AddApplication()
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ApplicationValidators, Is.Not.Empty.And.Some.Matches<Type>(t => t.IsNotPublic), "the scan must find internal validators");
            Assert.That(registered.Select(d => d.ImplementationType), Is.EquivalentTo(ApplicationValidators));
            Assert.That(registered.Select(d => d.Lifetime), Has.All.EqualTo(ServiceLifetime.Singleton));
        });
    }

    [Test]
    public void No_application_validator_takes_a_constructor_dependency()
    {
        Assert.That(ApplicationValidators.Where(TakesDependencies).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void Canary_a_validator_with_a_constructor_dependency_is_reported()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TakesDependencies(typeof(CanaryValidatorWithDependency)), Is.True);
            Assert.That(TakesDependencies(typeof(CanaryValidator)), Is.False);
        });
    }

    private static bool IsConcreteValidator(Type type) =>
        type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
        && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>));

    private static bool TakesDependencies(Type validator) =>
        validator.GetConstructors().Any(c => c.GetParameters().Length > 0);

    private sealed record CanaryRequest(string Name);

    private sealed class CanaryValidator : AbstractValidator<CanaryRequest>
    {
        public CanaryValidator() => RuleFor(x => x.Name).NotEmpty();
    }

    private sealed class CanaryValidatorWithDependency : AbstractValidator<CanaryRequest>
    {
        public CanaryValidatorWithDependency(TimeProvider clock) => RuleFor(x => x.Name).NotEmpty().When(_ => clock.GetUtcNow().Year > 2000);
    }
}
