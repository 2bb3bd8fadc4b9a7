# The interface of careerbook in Canadian English: every word a reader sees
# that is not in the guidance. A project changes one message by writing it in
# themes/<theme>/i18n/en-CA.ftl; see "Languages" in the README.

language-name = English

## Computed by careerbook: lists, the dashboard's gap analysis and next
## actions, prep cards in short, the calendar, the pages careerbook writes.

# "A, B and C": $init is "A, B".
list-and = { $init } and { $last }

# The gap analysis. $number is the count as a capitalized word ("Two").
gap-no-active-mentor = You have no active mentor yet
gap-one-active-mentor = One active mentor: a second or third would give you more than one point of view
gap-active-mentors = { $number } active mentors — right in the recommended range
gap-too-many-mentors = { $number } active mentors — more than the two or three the guidance suggests; make sure you can give each of them time
gap-no-active-sponsor = You have no active sponsor yet
gap-one-active-sponsor = One active sponsor: you depend on a single advocate; aim for at least two
gap-active-sponsors = { $number } active sponsors — you do not depend on a single advocate
gap-no-mentor-prospects = No mentor prospects in your pipeline: keep a few names ready for when a relationship runs its course
gap-no-sponsor-prospects = No sponsor prospects in your pipeline: note the senior people who could speak up for you next
gap-dormant =
    { $count ->
        [one] One relationship has gone quiet: a short update is often enough to revive it
       *[other] { $number } relationships have gone quiet: a short update is often enough to revive one
    }
gap-only-taken = So far you have only taken from { $names }: find something to give back, such as an introduction, an article or a thank-you with results
# The chapter a finding points to, as the finding names it.
gap-see-finding-mentors = Finding mentors
gap-see-finding-sponsors = Finding sponsors
gap-see-keeping-relationships = Keeping relationships
verdict-see = { $lead } — see { $chapter }
verdict-good = On track
verdict-attention = Worth attention
verdict-missing = Missing
gap-row-mentors = Mentors
gap-row-mentors-recommended = 2–3 active
gap-row-sponsors = Sponsors
gap-row-sponsors-recommended = 2 or more active

dashboard-hello = Hello, { $name }
dashboard-yours = Your dashboard

# When a next action is due.
when-overdue =
    { $days ->
        [one] { $days } day overdue
       *[other] { $days } days overdue
    }
when-today = today
when-by = by { $date }
when-last-done = last done { $date }
action-check-in = Check in with { $name }
action-next-step = Next step with { $name }: { $step }

# A prep card in a few lines (a check-in's calendar event). $when is a date,
# and the kind of conversation when the log says it.
prep-short-last = Last time ({ $when })
prep-short-last-summary = Last time ({ $when }): { $summary }
prep-short-step = Your next step: { $step }
prep-short-step-overdue =
    { $days ->
        [one] Your next step: { $step } ({ $days } day overdue)
       *[other] Your next step: { $step } ({ $days } days overdue)
    }
prep-short-step-by = Your next step: { $step } (by { $date })
prep-short-news = News to share: { $win }
prep-short-ask = Ask: { $question }

# The calendar of follow-ups (followups.ics).
calendar-last-contact = Last contact: { $date }. You planned to be in touch every { $days } days.
calendar-was-due = The check-in was due on { $date }.
calendar-next-step = Next step: { $step }

# The pages careerbook writes beside the guidance.
page-relationships = Your relationships
page-progress = Your progress
page-brief = Your sponsor brief

# The 12-month plan and its timeline (an SVG image with a text alternative).
plan-month = Month { $month }
plan-months = Months { $first }–{ $last }
plan-ongoing = Ongoing
timeline-title = Plan timeline, { $start } to { $end }
timeline-row-phases = Phases
timeline-row-contacts = Contacts
timeline-row-checkins = Check-ins
timeline-done = { $done }/{ $total } done
timeline-phase-dates = { $phase }: { $start } to { $end }, { $progress }
timeline-all-year = { $phase } (all year), { $progress }
timeline-today = Today, { $day } { $month }
timeline-legend-contact = Contact
timeline-legend-gave = You gave back
timeline-legend-checkin = Check-in
timeline-legend-overdue = Check-in overdue
timeline-legend-today = Today
timeline-event = { $date } — { $name }: { $label }
timeline-event-gave = you gave back
timeline-event-overdue = overdue
timeline-desc-phases =
    { $count ->
        [one] { $count } phase.
       *[other] { $count } phases.
    }
timeline-desc-current = Today, { $date }, falls in “{ $phase }” ({ $done } of { $total } tasks done).
timeline-desc-marks =
    { $contacts } logged { $contacts ->
        [one] interaction
       *[other] interactions
    } ({ $gave } where you gave back). { $upcoming } upcoming { $upcoming ->
        [one] check-in
       *[other] check-ins
    }; { $overdue } overdue.

# Notes in a draft where {win} has nothing to say; $name is the person's first name.
draft-note-all-heard = nothing new for { $name }: they know every win in your wins file
draft-note-no-wins = your latest result: your wins file has none yet
draft-note-win-first = add your next result to your wins file first

# A cohort's report.
page-cohort-report = Cohort report
cohort-chart-title = Members by plan phase today
cohort-chart-no-plan = No plan start yet

## The printed workbook (themes/<theme>/print/*.typ): every word of the PDF
## that is not the guidance's or the person's. careerbook formats these
## without arguments, so a sentence with a number in it is cut around the
## number (`print-page`, then the page, `print-page-of`, then the count), and
## the templates put a space between the pieces (none before `,` or `.`).

print-contents = Contents
# "Page 3 of 45" at the foot of each page; "(p. 12)" after a link.
print-page = Page
print-page-of = of
print-page-abbr = p.
# Above a part's title, in capitals.
print-part = Part
# On the cover and in the running header of a --private copy, in capitals.
print-private-copy = Private copy
# ": " between a label and what follows it ("Sponsor brief: Nadia").
print-colon = :
print-and = and
print-or = or
print-yes = yes
print-no = no
# A deadline: "(by 3 Dec 2026)".
print-by = by
print-of = of
print-on-date = on
print-as-of = As of

# Dates: "5 Nov 2026" in tables, "5 November 2026" in sentences, "November
# 2026" on the sponsor brief. The first of the month is "print-day-first".
print-day-first = 1
print-month-abbr-1 = Jan
print-month-abbr-2 = Feb
print-month-abbr-3 = Mar
print-month-abbr-4 = Apr
print-month-abbr-5 = May
print-month-abbr-6 = Jun
print-month-abbr-7 = Jul
print-month-abbr-8 = Aug
print-month-abbr-9 = Sep
print-month-abbr-10 = Oct
print-month-abbr-11 = Nov
print-month-abbr-12 = Dec
print-month-1 = January
print-month-2 = February
print-month-3 = March
print-month-4 = April
print-month-5 = May
print-month-6 = June
print-month-7 = July
print-month-8 = August
print-month-9 = September
print-month-10 = October
print-month-11 = November
print-month-12 = December

# The cover.
print-cover-kicker = A career workbook
print-prepared-for = Prepared for
print-you = You
print-cover-personal = Your own copy: it names the people you work with. Not for publishing.
print-name = Name
print-role-and-organization = Role and organization
print-started-on = Started on

# In the chapters: checklist items, links to where an item is defined,
# pictures that could not be printed.
print-task-done = done
print-due-again = due again, last done
print-also-in = also in
print-picture-not-printed = Picture not printed

# Channels, as a label ("Channel: email") and as a way to send a message
# ("by email").
print-channel-linkedin = LinkedIn
print-channel-email = email
print-channel-conference = conference
print-channel-in-person = in person
print-channel-video = video call
print-channel-phone = phone
print-channel-slack = Slack
print-channel-teams = Teams
print-by-channel = by
print-by-channel-linkedin = by LinkedIn
print-by-channel-email = by email
print-by-channel-conference = by conference
print-by-channel-in-person = by in person
print-by-channel-video = by video call
print-by-channel-phone = by phone
print-by-channel-slack = by Slack
print-by-channel-teams = by Teams

# Roles and stages as labels, and stages inside a sentence.
print-role-mentor = Mentor
print-role-sponsor = Sponsor
print-stage-prospect = Prospect
print-stage-contacted = Contacted
print-stage-active = Active
print-stage-dormant = Dormant
print-stage-in-sentence-prospect = prospect
print-stage-in-sentence-contacted = contacted
print-stage-in-sentence-active = active
print-stage-in-sentence-dormant = dormant

# The note under a message template's title: "A mentor template, sent by
# email, for people at the prospect or contacted stage."
print-meta-mentor = A mentor template, sent
print-meta-sponsor = A sponsor template, sent
print-meta-for-stage = , for people at the
print-meta-stage-end = stage.
print-meta-blank = Fill in each blank by hand before you send it.
# … "are in" and, in italics, where.
print-meta-drafts = The drafts for each person it suits, filled in from your notes, are in
print-meta-drafts-where = Your people
print-subject = Subject:

# The {placeholders} of message templates, as the lines to write on name them.
print-placeholder-name = name
print-placeholder-first_name = first name
print-placeholder-their_title = their title
print-placeholder-their_organisation = their organisation
print-placeholder-their_work = their work
print-placeholder-my_name = my name
print-placeholder-my_first_name = my first name
print-placeholder-my_role = my role
print-placeholder-my_organisation = my organisation
print-placeholder-goal = goal
print-placeholder-ambition = ambition
print-placeholder-where_we_met = where we met
print-placeholder-win = win
print-placeholder-win_impact = win impact
print-placeholder-topic = topic
print-placeholder-challenge = challenge
print-placeholder-mutual_connection = mutual connection
print-placeholder-event = event
print-placeholder-project = project
print-placeholder-result = result
print-placeholder-ask = ask
print-placeholder-new_role = new role

# The person's own part.
print-yours = Your workbook
print-yours-personal = Your own pages: where you stand, the people you track, and the drafts waiting for you.
print-yours-public = Your own pages: your progress through the checklists and the 12-month plan.
print-yours-blank = Forms to fill in by hand: the people you track, their history and your next steps.
# "These pages are printed from your workbook's data on 24 November 2026. They
# show 7 people and the drafts that suit each of them."
print-printed-from = These pages are printed from your workbook’s data
print-they-show = They show
print-people-one = person
print-people-other = people
print-they-show-end = and the drafts that suit each of them.
# "Use these pages … Start with" *About you* ", list everyone …"
print-blank-intro = Use these pages alongside the chapters. Start with
print-blank-intro-end = , list everyone in the tracker, copy a person record for each, and come back once a month.

# At a glance: "Where your network stands on 24 November 2026."
print-glance = At a glance
print-glance-network = Where your network stands
print-glance-you = Where you stand
# "12 of 91 checklist items done"
print-checklist-items-done = checklist items done
print-mentors-and-sponsors = Mentors and sponsors
print-recommended = Recommended
print-next-actions = Next actions
print-plan = Your 12-month plan
print-phase = Phase
print-dates = Dates
print-phase-done = Done
print-now = now
print-timeline = Timeline

# The relationship tracker and each person's pages. "30 days overdue" is
# print-overdue-before, the number, then print-overdue-one or -other.
print-tracker = Relationship tracker
print-tracker-description = Everyone you are building a relationship with, and what comes next.
print-tracker-empty = No one yet. Add people to data/relationships.yaml, or use the blank tracker below.
print-role = Role
print-stage = Stage
print-last-contact = Last contact
print-next-check-in = Next check-in
print-next-step = Next step
print-overdue-before = {""}
print-overdue-one = day overdue
print-overdue-other = days overdue
print-someone = Someone
print-them = them
print-person-private = Private: kept out of shared copies
print-areas = Areas
print-channel = Channel
print-rhythm = Rhythm
# "every 30 days"
print-every = every
print-days = days
print-email = Email
print-links = Links
print-notes = Notes
print-history = History
print-date = Date
print-kind = Kind
print-what-happened = What happened
print-gave-back = Gave back
print-drafts = Drafts
# "The message templates that suit" Colette "now, filled in …"
print-drafts-intro = The message templates that suit
print-drafts-intro-end = now, filled in from your notes. Write in any blanks and make them sound like you.
print-draft = Draft
print-still-to-fill-in = Still to fill in:

# The prep card, before the next conversation with someone.
print-prep-title = Before you next talk
print-prep-last = Last time
print-prep-nothing-logged = Nothing logged yet.
print-prep-next-step = Your next step
print-prep-no-step = None planned: decide one before you part.
print-prep-bring = You could bring
print-prep-news = News they have not heard:
print-prep-something-on = Something on
print-prep-bring-anything = An article, an introduction, or a result they helped with.
print-prep-questions = Questions to ask

# The blank workbook's forms.
print-about-you = About you
print-about-you-description = Fill this in first: everything else in the workbook connects back to it.
print-job = Role
print-organization = Organization
print-plan-started-on = Plan started on
print-your-goals = Your goals for the next two years
print-your-ambition = Your longer-term ambition
print-blank-count = Count your mentors and sponsors
print-blank-count-how = Write in how many people you have at each stage. Aim for two or three active mentors and at least one active sponsor.
print-mentors = Mentors
print-sponsors = Sponsors
print-blank-tracker-description = One line for each person: a possible mentor or sponsor, or one you already have.
print-blank-tracker-role = Role:
print-blank-tracker-roles = mentor or sponsor.
print-blank-tracker-stage = Stage:
print-blank-tracker-stages = prospect (not yet contacted), contacted, active (you meet or talk regularly), dormant (gone quiet).
print-person-record = Person record
print-person-record-description = Copy this page for each person you track.
print-title = Title
print-check-in-every = Check in every
print-email-or-channel = Email or channel
print-can-help-with = What they can help with
print-due-by = Due by

# The sponsor brief (in the workbook, and alone with --brief). The brief's
# labels are printed in capitals. "One page … speak from." `careerbook pdf
# --brief` "prints it on its own."
print-brief-page = Your sponsor brief
print-brief-page-description = One page a sponsor can speak from.
print-brief-page-description-end = prints it on its own.
print-brief = Sponsor brief
print-contact = Contact
print-brief-headed = Where I am headed
print-brief-then = Then:
print-brief-no-ambition = No ambition written yet.
print-brief-results = Recent results
print-brief-no-wins = No wins recorded yet.
print-brief-open-to = Open to
print-brief-not-written = Not written yet.
print-brief-vouchers = Who else knows my work
