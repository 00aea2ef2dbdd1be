export function Home() {
  return (
    <>
      <p class="lead">对政务服务机构及其工作人员的服务态度、办事效率、工作作风不满意,可以在这里投诉。</p>
      <nav aria-label="主要功能" class="home-nav">
        <a class="tile" href="#/complain">
          <span class="tile-title">我要投诉</span>
          <span class="tile-text">实名提交,可附照片或 PDF 材料</span>
        </a>
        <a class="tile" href="#/track">
          <span class="tile-title">投诉查询</span>
          <span class="tile-text">凭投诉编号和查询码查看进度,无需登录</span>
        </a>
        <a class="tile" href="#/mine">
          <span class="tile-title">我的投诉</span>
          <span class="tile-text">查看办理过程、补充材料、撤回或评价</span>
        </a>
      </nav>
      <section class="card">
        <h2>办理时限</h2>
        <ul class="plain">
          <li>政务服务管理部门收到投诉后 2 个工作日内交办(第十条);</li>
          <li>承办机构 3 个工作日内作出是否受理的决定(第十一条);</li>
          <li>现场处理类当日办结,非现场处理类 10 个工作日内办结,复杂的可延长一次,最长 20 个工作日(第十二、十三条)。</li>
        </ul>
      </section>
    </>
  );
}
