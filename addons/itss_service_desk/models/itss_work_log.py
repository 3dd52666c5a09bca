# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssWorkLog(models.Model):
    """A stationed engineer's daily work log (工作日志): what was done, how long, which tickets and CIs.

    The weekly and monthly work reports to the customer are built from these logs. When the people
    module (itss_hr_skills) is installed, a log is only accepted on a day of the engineer's on-site
    assignment at the project (soft link: the service desk does not depend on it).
    """

    _name = "itss.work.log"
    _description = "On-site Work Log"
    _inherit = ["mail.thread", "itss.project.site.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"

    user_id = fields.Many2one("res.users", string="Engineer", required=True, index=True,
                              default=lambda self: self.env.user)
    date = fields.Date(required=True, index=True, default=lambda self: self.env.company._itss_today())
    hours = fields.Float(required=True, aggregator="sum", digits=(16, 2))
    category = fields.Selection(
        [("incident", "Incident Handling"), ("inspection", "Inspection"), ("maintenance", "Maintenance"),
         ("support", "User Support"), ("training", "Client Training"), ("other", "Other")],
        required=True, default="support")
    description = fields.Text(string="Work Done", required=True)
    ticket_ids = fields.Many2many("helpdesk.ticket", "itss_work_log_ticket_rel", "log_id", "ticket_id",
                                  string="Tickets", check_company=True)
    equipment_ids = fields.Many2many("maintenance.equipment", "itss_work_log_equipment_rel", "log_id",
                                     "equipment_id", string="Configuration Items", check_company=True)
    report_ids = fields.Many2many("itss.work.report", "itss_work_report_log_rel", "log_id", "report_id",
                                  string="Work Reports", readonly=True, copy=False)

    @api.constrains("hours", "date", "user_id", "project_id")
    def _check_log(self):
        Assignment = self.env.get("itss.onsite.assignment")
        for log in self:
            if not 0 < log.hours <= 24:
                raise ValidationError(self.env._("The hours of a work log lie between 0 and 24."))
            if not 2000 <= log.date.year <= 2100:
                raise ValidationError(self.env._("The date of a work log must lie between 2000 and 2100."))
            if Assignment is None:
                continue
            covered = Assignment.sudo().search_count([
                ("employee_id.user_id", "=", log.user_id.id), ("project_id", "=", log.project_id.id),
                ("date_from", "<=", log.date), "|", ("date_to", "=", False), ("date_to", ">=", log.date),
            ], limit=1)
            if not covered:
                raise ValidationError(self.env._(
                    "%(engineer)s is not stationed at %(project)s on %(day)s: a work log is kept only on the "
                    "days of the engineer's on-site assignment.",
                    engineer=log.user_id.name, project=log.project_id.name, day=log.date))

    def _itss_locked_fnames(self):
        """A log reported to the customer stays as reported."""
        if any(report.state != "draft" for report in self.report_ids):
            return ALL_FIELDS
        return frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._("The work log %(log)s is in a work report sent to the customer: “%(field)s” can no "
                          "longer be changed.", log=self.display_name, field=field_label)

    def _compute_display_name(self):
        for log in self:
            log.display_name = f"{log.user_id.name or ''} {log.date or ''}"

    @api.model
    def _itss_demo_history(self, project_id, user_id, equipment_ids, signer_partner_id):
        """Demo data: two months of daily work logs of a stationed engineer and last month's signed report."""
        project = self.env["itss.service.project"].browse(project_id)
        company = project.company_id
        today = company._itss_today()
        month = today.replace(day=1)
        first = ((month - timedelta(days=1)).replace(day=1) - timedelta(days=1)).replace(day=1)
        tickets = self.env["helpdesk.ticket"].search([("service_project_id", "=", project.id)], order="id")
        work = [
            ("inspection", 1.5, "机房日巡检：温湿度、UPS、精密空调正常；核心交换机端口状态正常。"),
            ("maintenance", 2.0, "HIS 数据库备份校验，检查归档日志空间，清理过期备份。"),
            ("support", 2.5, "门诊与住院部终端、打印机用户支持，处理账号解锁。"),
            ("incident", 3.0, "处理存储多路径告警，更换故障光纤跳线，业务无中断。"),
            ("training", 1.0, "为信息科新同事讲解 HIS 服务器日常检查方法。"),
        ]
        vals_list = []
        day = first
        index = 0
        while day < today:
            if day.weekday() < 5:
                for slot in range(2):
                    category, hours, text = work[(index + slot * 2) % len(work)]
                    vals = {"project_id": project.id, "user_id": user_id, "date": day, "category": category,
                            "hours": hours, "description": text,
                            "equipment_ids": [fields.Command.set(equipment_ids[index % len(equipment_ids):][:1])]}
                    if category == "incident" and tickets:
                        vals["ticket_ids"] = [fields.Command.set(tickets[index % len(tickets)].ids)]
                    vals_list.append(vals)
                index += 1
            day += timedelta(days=1)
        self.create(vals_list)
        report = self.env["itss.work.report"].create({
            "project_id": project.id, "period_type": "month", "date_from": (month - timedelta(days=1)).replace(day=1),
            "next_plan": "<p>下月计划：完成核心交换机固件升级评估；开展一次 HIS 数据库恢复演练；"
                         "为护理部开展终端使用培训。</p>",
        })
        report.action_generate()
        report.action_send()
        signer = self.env["res.partner"].browse(signer_partner_id)
        report.write({"state": "signed", "signed_by": signer.name, "signed_partner_id": signer.id,
                      "signed_at": fields.Datetime.now(), "customer_comment": "工作记录完整，同意。"})
        return True
