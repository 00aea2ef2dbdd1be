using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.Insight;

/// <summary>
/// Generated complaints with planted duplicates and planted topics, in a database of their own (so every count
/// and list here is this fixture's). April 2026 (2026Q2, the previous quarter) has a background of complaints
/// and few about the queue-number system; July 2026 (2026Q3) has more background, the planted topic
/// "叫号系统故障" in ~40 % of complaints, concluded and rated cases, and the planted duplicate pairs. The clock
/// ends on 12 October 2026, after Q3, so Q3 can be reported (第十八条).
/// </summary>
public sealed class InsightFixture : IAsyncLifetime
{
    public static readonly Guid Market = DemoDirectory.WuhuaMarketRegulation; // 五华区市场监督管理局 (530102): agency_staff, agency_officer
    public static readonly Guid Hr = DemoDirectory.AgencyId(8);               // 五华区人力资源和社会保障局 (530102)
    public static readonly Guid Centre = DemoDirectory.AgencyId(6);           // 五华区政务服务中心 (530102)
    public static readonly Guid Panlong = DemoDirectory.PanlongHumanResources; // 盘龙区人力资源和社会保障局 (530103): outside 五华's remit

    public const string PlantedTopic = "系统故障";
    public const string DissatisfyingItem = "不动产抵押登记";

    private static readonly string[] Items = ["个体工商户设立登记", "企业名称变更", "社会保障卡补办", "医保关系转移", "户籍证明开具", "居住证签注", "就业登记", "营业执照遗失补领"];

    private static readonly string[] Background =
    [
        "工作人员未一次性告知需要补充的全部材料,来回跑了三趟。",
        "网上申请提交以后超过承诺时限仍然显示审核中。",
        "咨询电话长期无人接听,留言也没有回音。",
        "被要求提供法律法规没有规定的证明文件。",
        "办事指南公布的收费标准与实际收取金额不一致。",
        "窗口之间互相推诿,让我去另一个部门盖章。",
        "自助终端打印功能损坏,只能人工填写表格。",
        "办结以后证照邮寄地址填写错误,快递被退回。",
        "线上预约号源很快约满,现场却空着很多座位。",
        "身份核验人脸识别多次失败,没有替代办法。",
        "审批人员出差,业务暂停一周却未提前公告。",
        "填写表格示范文本过时,按照示范填写被退回。",
    ];

    private static readonly string[] TopicSentences =
    [
        "大厅排队叫号系统故障,系统故障期间没有人维持秩序,等了三个多小时。",
        "取号以后排队叫号系统故障反复出现,屏幕不显示号码,系统故障时工作人员也不解释。",
        "排队叫号系统故障导致过号作废,重新排队,系统故障问题一直没有修好。",
    ];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 4, 7, 1, 0, 0, TimeSpan.Zero)); // Tuesday 7 April 2026, 09:00 CST

    public IAlbaHost Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Each planted duplicate: the original case, its duplicate, and who may see both.</summary>
    public List<PlantedPair> Pairs { get; } = [];

    /// <summary>Every case of the fixture: id → (respondent agency, confidential).</summary>
    public Dictionary<Guid, (Guid Agency, bool Confidential)> Cases { get; } = [];

    /// <summary>The complainants' names, ID numbers and phones: none of them may be found by search.</summary>
    public List<string> PersonalData { get; } = [];

    /// <summary>Q3 cases carrying the planted topic.</summary>
    public int TopicCasesQ3 { get; private set; }

    public HttpClient Hotline { get; private set; } = null!;

    private int _people;
    private readonly Random _random = new(18);

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("insight");
        Host = await AppFixture.StartAsync("Development", ConnectionString, Clock, settings: new Dictionary<string, string?>
        {
            ["DeadlineMonitor:Interval"] = "20.00:00:00",
            ["RateLimits:SubmissionPerMinute"] = "100000",
            ["RateLimits:LookupPerMinute"] = "100000",
        });
        Hotline = await Host.ClientAsync("hotline_operator");

        // 2026Q2: background, the planted topic rare.
        for (var i = 0; i < 40; i++)
        {
            await BackgroundAsync(topicShare: 0.05);
            Clock.Advance(TimeSpan.FromHours(3));
        }

        Clock.SetUtcNow(new DateTimeOffset(2026, 7, 6, 1, 0, 0, TimeSpan.Zero)); // Monday 6 July 2026
        for (var i = 0; i < 90; i++)
        {
            await BackgroundAsync(topicShare: 0.4);
            Clock.Advance(TimeSpan.FromHours(2));
            if (i % 15 == 7)
            {
                await PlantPairAsync(Pairs.Count);
            }
        }

        await ConcludeAndRateAsync();
        Clock.SetUtcNow(new DateTimeOffset(2026, 10, 12, 1, 0, 0, TimeSpan.Zero)); // Monday 12 October 2026
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public sealed record PlantedPair(string Name, Guid Original, Guid Duplicate, Guid Agency, bool SameRemitForAgency);

    public sealed record Person(string Name, string IdNumber, string Phone);

    public Person NewPerson()
    {
        _people++;
        var birth = new DateOnly(1960, 1, 1).AddDays(_people * 97);
        var body = $"530102{birth:yyyyMMdd}{_people % 1000:D3}";
        var person = new Person($"{"赵钱孙李周吴郑王冯陈"[_people % 10]}{"一二三四五六七八九十"[(_people / 10) % 10]}{"甲乙丙丁戊己庚辛壬癸"[(_people / 100) % 10]}",
            body + CheckDigit(body), $"139{_people:D8}");
        PersonalData.AddRange([person.Name, person.IdNumber, person.Phone]);
        return person;
    }

    public HttpClient CitizenClient(Person p) => Host.ClientWithClaims(new()
    {
        ["sub"] = $"citizen-{p.IdNumber}", ["role"] = "citizen", ["name"] = p.Name, ["id_type"] = "resident_id", ["id_number"] = p.IdNumber, ["phone"] = p.Phone,
    });

    public async Task<Guid> OnlineAsync(Person p, Guid agency, string item, string facts, string request, bool confidential = false, string channel = "online_app")
    {
        var body = new Dictionary<string, object?>
        {
            ["channel"] = channel, ["respondent"] = new { agencyId = agency }, ["serviceItem"] = new { name = item },
            ["request"] = request, ["facts"] = facts, ["evidenceIds"] = Array.Empty<Guid>(), ["confidential"] = confidential,
        };
        var id = (await CitizenClient(p).SubmitAsync(body)).GetProperty("id").GetGuid();
        Cases[id] = (agency, confidential);
        return id;
    }

    public async Task<Guid> HotlineAsync(string name, string? idNumber, string? phone, Guid agency, string item, string facts, string request, bool confidential = false)
    {
        var body = new Dictionary<string, object?>
        {
            ["channel"] = "phone_12345", ["complainant"] = new { type = "person", name, idNumber, phone, address = "昆明市五华区青年路8号" },
            ["respondent"] = new { agencyId = agency }, ["serviceItem"] = new { name = item },
            ["request"] = request, ["facts"] = facts, ["evidenceIds"] = Array.Empty<Guid>(), ["confidential"] = confidential,
        };
        var id = (await Hotline.SubmitAsync(body)).GetProperty("id").GetGuid();
        Cases[id] = (agency, confidential);
        return id;
    }

    private async Task BackgroundAsync(double topicShare)
    {
        Guid[] agencies = [Market, Market, Hr, Centre, Panlong];
        var agency = agencies[_random.Next(agencies.Length)];
        var first = _random.Next(Background.Length);
        var second = (first + 1 + _random.Next(Background.Length - 1)) % Background.Length;
        var facts = Background[first] + Background[second];
        if (_random.NextDouble() < topicShare)
        {
            facts = TopicSentences[_random.Next(TopicSentences.Length)] + facts;
            if (Clock.GetUtcNow().Month >= 7)
            {
                TopicCasesQ3++;
            }
        }

        await OnlineAsync(NewPerson(), agency, Items[_random.Next(Items.Length)], facts, "请核实情况并依法处理,给予答复。");
    }

    /// <summary>The planted duplicates: the same matter sent again through 12345, in words of its own.</summary>
    private async Task PlantPairAsync(int n)
    {
        switch (n)
        {
            case 0: // the same person (ID and phone), app then 12345
                {
                    var p = NewPerson();
                    var a = await OnlineAsync(p, Market, "食品经营许可证延续",
                        "我经营的小餐馆申请食品经营许可证延续,窗口要求补交冷链仓库租赁合同和从业人员健康证明,之前从未告知。", "请一次性告知延续所需材料并尽快办理。");
                    Clock.Advance(TimeSpan.FromDays(2));
                    var b = await HotlineAsync(p.Name, p.IdNumber, p.Phone, Market, "食品经营许可",
                        "来电人反映小餐馆食品经营许可证延续被卡,窗口临时要求冷链仓库租赁合同、健康证明等材料。", "要求一次性告知材料,尽快办理延续。");
                    Pairs.Add(new("same ID number, app then 12345", a, b, Market, true));

                    // The same person also complains about something else entirely, elsewhere: suggested, but below the pair.
                    await OnlineAsync(p, Hr, "职业技能等级认定", "技能等级证书查询不到,考试中心推给人社局,人社局推回考试中心。", "请提供证书查询渠道。");
                    break;
                }

            case 1: // the same phone only: the caller gave no ID number
                {
                    var p = NewPerson();
                    var a = await OnlineAsync(p, Hr, "失业保险金申领",
                        "申领失业保险金时窗口说原单位没有办理离职备案,让我找原单位补办,但原单位已经注销。", "请说明注销企业职工如何申领失业保险金。", channel: "online_portal");
                    Clock.Advance(TimeSpan.FromDays(5));
                    var b = await HotlineAsync(p.Name, null, p.Phone, Hr, "失业保险金申领",
                        "来电人称原单位注销,无法补办离职备案,失业保险金申领被拒。", "请告知如何申领失业保险金。");
                    Pairs.Add(new("same phone, portal then 12345", a, b, Hr, false));
                    break;
                }

            case 2: // a confidential complainant (第九条)
                {
                    var p = NewPerson();
                    var a = await OnlineAsync(p, Market, "特种设备使用登记",
                        "锅炉使用登记现场核查时检验人员暗示要找指定中介代办,否则不予通过。", "请调查检验人员指定中介的行为。", confidential: true);
                    Clock.Advance(TimeSpan.FromDays(1));
                    var b = await HotlineAsync(p.Name, p.IdNumber, null, Market, "特种设备使用登记",
                        "来电人反映锅炉使用登记被检验人员要求找指定中介代办。", "请查处指定中介问题。", confidential: true);
                    Pairs.Add(new("confidential complainant", a, b, Market, true));
                    break;
                }

            case 3: // no identity in common: the same window incident reported by another person
                {
                    var a = await OnlineAsync(NewPerson(), Centre, "不动产转移登记",
                        "不动产转移登记窗口下午提前一小时停止取号,贴出的告示写着系统维护,实际工作人员在聊天。", "请核实提前停止取号的情况。");
                    Clock.Advance(TimeSpan.FromDays(3));
                    var other = NewPerson();
                    var b = await HotlineAsync(other.Name, null, other.Phone, Centre, "不动产转移登记",
                        "不动产转移登记窗口下午提前停止取号,告示写系统维护,工作人员却在聊天。", "请核实提前停止取号问题。");
                    Pairs.Add(new("same agency, item and story, another caller", a, b, Centre, false));
                    break;
                }

            case 4: // the duplicate went to an agency of another county: outside 五华's remit
                {
                    var p = NewPerson();
                    var a = await OnlineAsync(p, Market, "广告发布登记",
                        "广告发布登记网上受理后退回三次,每次退回理由都不同,最后说要到盘龙区办理。", "请明确广告发布登记的受理机关。");
                    Clock.Advance(TimeSpan.FromDays(1));
                    var b = await HotlineAsync(p.Name, p.IdNumber, p.Phone, Panlong, "广告发布登记",
                        "来电人称广告发布登记被五华区退回三次,让其到盘龙区办理。", "请明确受理机关。");
                    Pairs.Add(new("the duplicate in another county", a, b, Market, false));
                    break;
                }

            case 5: // merged from the suggestion in one call (see the tests)
                {
                    var p = NewPerson();
                    var a = await OnlineAsync(p, Market, "计量器具检定",
                        "电子秤强制检定预约后检定人员两次爽约,没有任何通知,耽误我开业。", "请安排检定并说明爽约原因。");
                    Clock.Advance(TimeSpan.FromDays(4));
                    var b = await HotlineAsync(p.Name, p.IdNumber, p.Phone, Market, "计量器具检定",
                        "来电人反映电子秤强制检定人员两次爽约,耽误开业。", "请尽快安排检定。");
                    Pairs.Add(new("to merge", a, b, Market, true));
                    break;
                }
        }
    }

    /// <summary>Q3 cases of 五华区政务服务中心 concluded and rated: the dissatisfying item collects the 不满意 ratings.</summary>
    private async Task ConcludeAndRateAsync()
    {
        var management = await Host.ClientAsync("management_staff");
        var centre = Host.ClientWithClaims(new() { ["sub"] = "agency-wuhua-centre", ["role"] = "agency_staff", ["agency_id"] = Centre.ToString() });
        string[] ratings = ["very_dissatisfied", "dissatisfied", "dissatisfied", "satisfied", "dissatisfied", "very_satisfied", "satisfied", "basically_satisfied"];
        for (var i = 0; i < ratings.Length; i++)
        {
            var item = i < 5 ? DissatisfyingItem : Items[i];
            var rating = ratings[i]; // the first five: four 不满意 of five rated
            var id = await OnlineAsync(NewPerson(), Centre, item, Background[i] + Background[i + 1], "请核实情况并依法处理,给予答复。");
            await Act(management, id, "referral", new { agencyId = Centre });
            await Act(centre, id, "acceptance", new { decision = "accept", classification = "onsite" });
            await Act(centre, id, "conclusion", new { finding = "partially_substantiated", result = "已向投诉人解释并督促窗口整改。" });
            await Act(centre, id, "revisit", new { method = "phone", rating });
        }
    }

    private static async Task Act(HttpClient client, Guid id, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static char CheckDigit(string body17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body17[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11];
    }
}
