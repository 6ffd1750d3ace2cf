using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Status;
using static Platform.Domain.Tests.Status.StatusTestData;

namespace Platform.Domain.Tests.Status;

/// <summary>Creating and editing a service (component): field rules and merge semantics.</summary>
[TestFixture]
public class MonitoredServiceTests
{
    private static MonitoredService NewService(string? group = "Core") =>
        MonitoredService.Create("api", "Public API", "REST and webhooks.", group, 10, Now);

    [Test]
    public void Create_ValidInput_StartsAtVersionOneStampedWithNow()
    {
        var service = MonitoredService.Create("eu-west-1", "  EU West  ", "Region.", "  Regions ", 5, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Id.Version, Is.EqualTo(7));
            Assert.That(service.Slug, Is.EqualTo("eu-west-1"));
            Assert.That(service.Name, Is.EqualTo("EU West"));
            Assert.That(service.Description, Is.EqualTo("Region."));
            Assert.That(service.Group, Is.EqualTo("Regions"));
            Assert.That(service.DisplayOrder, Is.EqualTo(5));
            Assert.That(service.CreatedAt, Is.EqualTo(Now));
            Assert.That(service.UpdatedAt, Is.EqualTo(Now));
            Assert.That(service.Version, Is.EqualTo(1));
        }
    }

    [Test]
    public void Create_EmptyDescriptionAndNoGroup_IsAccepted()
    {
        var service = MonitoredService.Create("api", "API", string.Empty, null, 0, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Description, Is.Empty);
            Assert.That(service.Group, Is.Null);
        }
    }

    [TestCase("")]
    [TestCase("Api")]
    [TestCase("-api")]
    [TestCase("a--b")]
    [TestCase("api\n")]
    public void Create_InvalidSlug_ThrowsInvalidSlug(string slug)
    {
        AssertRule(() => MonitoredService.Create(slug, "API", string.Empty, null, 0, Now), "status.invalid_slug", DomainErrorKind.Invalid, "slug");
    }

    [Test]
    public void Create_SlugOf65Characters_ThrowsInvalidSlug()
    {
        AssertRule(
            () => MonitoredService.Create(new string('a', 65), "API", string.Empty, null, 0, Now),
            "status.invalid_slug",
            DomainErrorKind.Invalid,
            "slug");
    }

    [TestCase(1)]
    [TestCase(100)]
    public void Create_NameAtLengthLimits_IsAccepted(int length)
    {
        var name = new string('n', length);

        var service = MonitoredService.Create("api", $" {name} ", string.Empty, null, 0, Now);

        Assert.That(service.Name, Is.EqualTo(name));
    }

    [TestCase("")]
    [TestCase("  \t ")]
    [TestCase(null, 101)]
    public void Create_NameBlankOrLongerThan100AfterTrimming_ThrowsInvalidName(string? name, int length = 0)
    {
        name ??= new string('n', length);

        AssertRule(() => MonitoredService.Create("api", name, string.Empty, null, 0, Now), "status.invalid_name", DomainErrorKind.Invalid, "name");
    }

    [Test]
    public void Create_DescriptionOf1000Characters_IsAcceptedAnd1001IsNot()
    {
        var service = MonitoredService.Create("api", "API", new string('d', 1000), null, 0, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Description, Has.Length.EqualTo(1000));
            AssertRule(
                () => MonitoredService.Create("api", "API", new string('d', 1001), null, 0, Now),
                "status.invalid_description",
                DomainErrorKind.Invalid,
                "description");
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null, 101)]
    public void Create_GroupBlankOrLongerThan100_ThrowsInvalidGroup(string? group, int length = 0)
    {
        group ??= new string('g', length);

        AssertRule(() => MonitoredService.Create("api", "API", string.Empty, group, 0, Now), "status.invalid_group", DomainErrorKind.Invalid, "group");
    }

    [Test]
    public void Create_GroupOf100Characters_IsAccepted()
    {
        var service = MonitoredService.Create("api", "API", string.Empty, new string('g', 100), 0, Now);

        Assert.That(service.Group, Has.Length.EqualTo(100));
    }

    [TestCase(0)]
    [TestCase(100_000)]
    public void Create_DisplayOrderAtLimits_IsAccepted(int displayOrder)
    {
        var service = MonitoredService.Create("api", "API", string.Empty, null, displayOrder, Now);

        Assert.That(service.DisplayOrder, Is.EqualTo(displayOrder));
    }

    [TestCase(-1)]
    [TestCase(100_001)]
    public void Create_DisplayOrderOutOfRange_ThrowsInvalidDisplayOrder(int displayOrder)
    {
        AssertRule(
            () => MonitoredService.Create("api", "API", string.Empty, null, displayOrder, Now),
            "status.invalid_display_order",
            DomainErrorKind.Invalid,
            "display_order");
    }

    [Test]
    public void Update_EveryField_ChangesThemAndBumpsVersionOnce()
    {
        var service = NewService();

        service.Update("web", " Website ", string.Empty, " Front ", groupSet: true, 3, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Slug, Is.EqualTo("web"));
            Assert.That(service.Name, Is.EqualTo("Website"));
            Assert.That(service.Description, Is.Empty);
            Assert.That(service.Group, Is.EqualTo("Front"));
            Assert.That(service.DisplayOrder, Is.EqualTo(3));
            Assert.That(service.Version, Is.EqualTo(2));
            Assert.That(service.UpdatedAt, Is.EqualTo(Later));
            Assert.That(service.CreatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Update_AllNullAndGroupNotSet_IsNoOp()
    {
        var service = NewService();

        service.Update(null, null, null, null, groupSet: false, null, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Slug, Is.EqualTo("api"));
            Assert.That(service.Name, Is.EqualTo("Public API"));
            Assert.That(service.Description, Is.EqualTo("REST and webhooks."));
            Assert.That(service.Group, Is.EqualTo("Core"));
            Assert.That(service.DisplayOrder, Is.EqualTo(10));
            Assert.That(service.Version, Is.EqualTo(1));
            Assert.That(service.UpdatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Update_GroupGivenButGroupSetFalse_LeavesGroup()
    {
        var service = NewService();

        service.Update(null, null, null, "Ignored", groupSet: false, null, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Group, Is.EqualTo("Core"));
            Assert.That(service.Version, Is.EqualTo(1));
        }
    }

    [Test]
    public void Update_NullGroupWithGroupSet_RemovesGroup()
    {
        var service = NewService();

        service.Update(null, null, null, null, groupSet: true, null, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Group, Is.Null);
            Assert.That(service.Version, Is.EqualTo(2));
        }
    }

    [Test]
    public void Update_SameValuesAsStored_DoesNotBumpVersion()
    {
        var service = NewService();

        service.Update("api", "Public API", "REST and webhooks.", "Core", groupSet: true, 10, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Version, Is.EqualTo(1));
            Assert.That(service.UpdatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Update_OneInvalidValue_ThrowsAndChangesNothing()
    {
        var service = NewService();

        AssertRule(
            () => service.Update(null, "Renamed", null, null, groupSet: false, 100_001, Later),
            "status.invalid_display_order",
            DomainErrorKind.Invalid,
            "display_order");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Name, Is.EqualTo("Public API"));
            Assert.That(service.Version, Is.EqualTo(1));
        }
    }

    [Test]
    public void Update_InvalidSlug_ThrowsInvalidSlug()
    {
        var service = NewService();

        AssertRule(() => service.Update("Not Valid", null, null, null, groupSet: false, null, Later), "status.invalid_slug", DomainErrorKind.Invalid, "slug");
    }

    [Test]
    public void Update_BlankName_ThrowsInvalidName()
    {
        var service = NewService();

        AssertRule(() => service.Update(null, " ", null, null, groupSet: false, null, Later), "status.invalid_name", DomainErrorKind.Invalid, "name");
    }
}
