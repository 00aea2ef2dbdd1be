using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

/// <summary>第十七条: 附件3 carries the whole record, supervision included (第四条、第十六条).</summary>
public class RegistrationFormWholeRecordTests
{
    [Fact]
    public void The_form_shows_rectification_ordered_completed_and_verified_and_the_major_report_第十七条()
    {
        var complaint = Concluded();
        complaint.FlagMajor("群体性诉求,已报告区政府", Management, Later).ShouldSucceed();
        complaint.OrderRectification("规范窗口一次性告知", new DateOnly(2026, 3, 31), Management, Later).ShouldSucceed();
        complaint.CompleteRectification("已培训并张贴告知单", Agency, Later.AddHours(1)).ShouldSucceed();
        complaint.VerifyRectification(true, "现场核验属实", Management, Later.AddHours(2)).ShouldSucceed();

        var form = RegistrationForm.From(complaint);

        var rectification = Assert.Single(form.Rectifications);
        Assert.Equal(("规范窗口一次性告知", RectificationStatus.Verified), (rectification.Requirement, rectification.Status));
        Assert.Equal(Later, rectification.OrderedAt);
        Assert.Equal(Later.AddHours(1), rectification.CompletedAt);
        Assert.Equal("已培训并张贴告知单", rectification.Report);
        Assert.Equal(Later.AddHours(2), rectification.VerifiedAt);
        Assert.Equal("现场核验属实", rectification.VerificationNote);
        Assert.Equal(new RegistrationMajorReport(Later, "群体性诉求,已报告区政府"), form.MajorReport);
    }

    [Fact]
    public void The_form_shows_merges_in_both_directions_and_the_extension_第十七条()
    {
        var target = InHandling();
        target.Extend(Weekdays, "情况复杂", Agency, Later).ShouldSucceed();
        var source = Referred();
        source.Merge(target, Agency, Later).ShouldSucceed();

        var sourceForm = RegistrationForm.From(source);
        var targetForm = RegistrationForm.From(target);

        Assert.Equal(target.TrackingNumber, sourceForm.MergedIntoTrackingNumber);
        Assert.Equal(Later, sourceForm.MergedAt);
        Assert.Equal([source.TrackingNumber], targetForm.MergedTrackingNumbers);
        Assert.Equal(Later, targetForm.ExtendedAt);
        Assert.Null(targetForm.MajorReport);
        Assert.Empty(targetForm.Rectifications);
    }
}
