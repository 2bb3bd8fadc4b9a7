# The interface of careerbook in Canadian English: every word a reader sees
# that is not in the guidance. A project changes one message by writing it in
# themes/<theme>/i18n/en-CA.ftl; see "Languages" in the README.
#
# Messages that hold markup (<code>, <strong>, <a href="{ $href }">, <time>)
# are printed as HTML: keep their tags, and write & < > as &amp; &lt; &gt;.
# The others are printed as text.

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
calendar-last-contact =
    Last contact: { $date }. You planned to be in touch { $days ->
        [one] every day.
       *[other] every { $days } days.
    }
calendar-was-due = The check-in was due on { $date }.
calendar-step-was-due = This step was due on { $date }.
calendar-next-step = Next step: { $step }
# The calendar's name, as a calendar app lists it.
calendar-name = Follow-ups

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
# A mark on the timeline: $what is timeline-event-what, with what follows it.
timeline-event = { $date } — { $what }
timeline-event-what = { $name }: { $label }
timeline-label-contact = contact
timeline-label-checkin = check-in
timeline-event-gave = you gave back
timeline-event-overdue = overdue
timeline-desc-phases =
    { $count ->
        [one] { $count } phase.
       *[other] { $count } phases.
    }
timeline-desc-current =
    Today, { $date }, falls in “{ $phase }” ({ $done } of { $total } { $total ->
        [one] task
       *[other] tasks
    } done).
timeline-desc-marks =
    { $contacts } logged { $contacts ->
        [one] interaction
       *[other] interactions
    } ({ $gave } where you gave back). { $upcoming } upcoming { $upcoming ->
        [one] check-in
       *[other] check-ins
    }; { $overdue } overdue.
# Once the plan is over: what its 12 months hold (check-ins due now are on the dashboard).
timeline-desc-marks-ended =
    The plan’s 12 months are over; in them, { $contacts } logged { $contacts ->
        [one] interaction
       *[other] interactions
    } ({ $gave } where you gave back).

# Notes in a draft where {win} has nothing to say; $name is the person's first name.
draft-note-all-heard = nothing new for { $name }: they know every win in your wins file
draft-note-no-wins = your latest result: your wins file has none yet
draft-note-win-first = add your next result to your wins file first

# A cohort's report.
page-cohort-report = Cohort report
cohort-chart-title = Members by plan phase today
cohort-chart-no-plan = No plan start yet

# Regions of Canada, as a profile names them.
region-atlantic = Atlantic Canada
region-quebec = Quebec
region-ontario = Ontario
region-prairies = the Prairies
region-british-columbia = British Columbia
region-north = the North
region-outside-canada = outside Canada

## Shared by several templates

# Between a label that is not a message (a name, a date) and what follows:
# "Nadia: has heard them all".
punct-colon = :
# The words of the data files, shown as they are written in English; a
# channel as a reader would name it.
people-role = { $role }
people-stage = { $stage }
people-channel =
    { $channel ->
        [linkedin] LinkedIn
        [conference] event
        [in-person] in person
       *[other] { $channel }
    }
toc-title = Contents

## base.html: the top bar, the sidebar and the footer of every page

nav-skip-link = Skip to content
# The button that opens the table of contents on a phone.
nav-menu = Contents
nav-print = Print
nav-toc-label = Table of contents
site-private-title = Private copy.
site-private-text = This build includes personal notes and private people. Do not publish it.
site-contact = Contact
site-contact-organisation = Contact { $organisation }
site-audience-personal = Your own copy: it names the people you work with. Not for publishing.
site-audience-cohort =
    { $names ->
        [true] The program’s copy: it names the program’s members. Not for publishing.
       *[other] The program’s copy: counts about its members, for the people who run it. Not for publishing.
    }

## Search: the box in base.html, and what search.js says in it

search-button = Search
search-button-title = Search (/ or s)
search-label = Search the workbook
search-results-label = Search results
search-too-short = Type at least two letters.
search-failed = Search could not load its index. Rebuild the workbook and reload this page.
# search.js puts the reader's words where base.html writes { $query }.
search-none = No page matches “{ $query }”.
# base.html writes this twice, for 1 and for any other number (which
# search.js fills in): keep { $count } where the number goes.
search-count =
    { $count ->
        [one] { $count } page matches.
       *[other] { $count } pages match.
    }
search-count-more = { $count } pages match (the first { $shown } are listed).
search-show-more = Show { $count } more

## The dev server's notice over a page when a rebuild fails (careerbook serve)

serve-failed =
    { $count ->
        [one] careerbook: the build failed with { $count } error
       *[other] careerbook: the build failed with { $count } errors
    }
serve-last-good = This is the last good version of the page. Fix the problems below and save: the page reloads by itself.
serve-dismiss = Dismiss

## partials/pager.html

nav-pager-label = Previous and next chapter
nav-previous = Previous
nav-next = Next

## 404.html

error-title = Page not found
error-text = This page is not in the workbook. It may have moved when the book was reorganized.
error-home = Go to the start of { $title }

## page.html: a chapter, and what a message template says about itself

page-on-this-page = On this page
page-untranslated = This page is not translated yet: here it is as it was written.
page-message-label = About this template
# $role, $channel: words of the data files (mentor, email…); $stages: the
# stages, joined by page-message-or.
page-message-meta =
    A { $role } template, to send { $channel ->
        [email] by email
        [linkedin] on LinkedIn
        [conference] after meeting at an event
        [in-person] in person
       *[other] by { $channel }
    }, for people at the { $stages } stage.
page-message-or = or
page-message-blanks-filled = Blanks like <mark class="placeholder">{ $example }</mark> are filled from your data on the <a href="{ $href }">relationships page</a>, for each person it suits.
page-message-blanks-yours = Blanks like <mark class="placeholder">{ $example }</mark> are yours to fill in.

## partials/dashboard.html: the home page's dashboard (and the print page's)

dashboard-title = Your dashboard
dashboard-as-of = As of <time datetime="{ $date }">{ $long }</time>
dashboard-gap-title = Mentors and sponsors
dashboard-gap-caption = Relationships by role and stage
dashboard-aim = aim: { $recommended }
# "— see <a>the chapter</a>" after a verdict.
dashboard-see = see
dashboard-actions-title = Next actions
dashboard-actions-none = Nothing is due. A good week to reach out to someone new.
dashboard-giving-title = Giving back
# $count is how many people are listed after it.
dashboard-giving-only-taken =
    { $count ->
        [one] You have only taken from this person so far. Share something useful with them: an article, an introduction, a result they helped with.
       *[other] You have only taken from these people so far. Share something useful with them: an article, an introduction, a result they helped with.
    }
dashboard-giving-all = Everyone you are working with has had something back from you. Keep it up.
dashboard-giving-none = Nothing to show yet. When you log a conversation with a mentor or sponsor, mark what you offered in return with <code>gave: true</code>; this card then lists anyone who has had nothing back from you.
dashboard-wins-title = Your wins
# Followed by the newest win's title.
dashboard-wins-newest = { $count } logged; the newest:
dashboard-wins-heard-all = has heard them all
dashboard-wins-unheard = { $count } not heard yet
dashboard-wins-tell = Tell your sponsors what you have done: their update drafts start from your newest win.
dashboard-wins-none = No wins logged yet. Keep your results in <code>{ $file }</code>: they fill your sponsor updates and your brief.
dashboard-brief-link = <a href="{ $href }">Your sponsor brief</a>: one page a sponsor can speak from.
dashboard-progress-title = Progress
dashboard-progress-done =
    { $count ->
        [one] <strong>{ $done }</strong> of { $count } checklist item done.
       *[other] <strong>{ $done }</strong> of { $count } checklist items done.
    }
dashboard-progress-link = Progress by chapter and phase

## partials/timeline.html

timeline-caption = Your 12-month plan from { $start } to { $end }.
timeline-table-link = The timeline as a table
# Under the timeline once today is past the plan's last day ($end, a long date).
timeline-ended = Your 12 months ended on { $end }. Look back at what the year brought you, then plan the next one: set <code>plan_start:</code> in <code>{ $file }</code> to the day it begins.
timeline-empty = Add <code>plan_start</code> to <code>{ $file }</code> to see your 12-month timeline.

## relationships.html: the tracker and each person's card

people-lede = Everyone you are building a relationship with, where it stands, and what to send next.
people-tracker = Relationship tracker
people-tracker-private = (private copy)
people-col-name = Name
people-col-role = Role
people-col-stage = Stage
people-col-last-contact = Last contact
people-col-next-check-in = Next check-in
people-col-next-step = Next step
# A tag beside a private person's name.
people-private = private
people-overdue-days =
    { $count ->
        [one] { $count } day overdue
       *[other] { $count } days overdue
    }
# $date is YYYY-MM-DD (for the <time> tag), $long the same date in words.
people-due-by = by <time datetime="{ $date }">{ $long }</time>
people-fact-areas = Can help with
people-fact-channel = Preferred channel
people-fact-email = Email
people-fact-links = Links
people-fact-cadence = Keep in touch
people-cadence =
    { $count ->
        [one] every day
       *[other] every { $count } days
    }
people-next-check-in = next check-in <time datetime="{ $date }">{ $long }</time>
people-private-notes = Private notes:
people-history = History
people-gave-back = gave back
people-drafts-for = Drafts for { $name }
people-draft-missing-count = { $count } to fill in
people-draft-subject = Subject:
people-draft-blank-title = Not in your data yet: { $name }
people-draft-copy = Copy text
people-draft-mailto = Open in your email app
people-draft-missing = Still to fill in: { $fields }.
# $count is how many blanks the draft has (the fields just before).
people-draft-missing-how =
    { $count ->
        [one] Add it
       *[other] Add them
    } under <code>outreach:</code> for { $name } in <code>{ $file }</code>, or edit the text before sending.
people-draft-missing-impact = <code>{"{"}win_impact{"}"}</code> is blank because the win “{ $win }” has no <code>impact:</code> in <code>{ $file }</code>: add one there, or fill it in before sending.

## partials/prep-card.html: a prep card (relationships and print pages)

prep-title = Before you next talk
# After prep-title: "Before you next talk with Nadia Haddad".
prep-title-with = with { $name }
prep-last-time = Last time
prep-last-none = Nothing logged yet. Add a <code>log:</code> entry after you talk.
prep-next-step = Your next step
prep-next-step-none = None planned: decide one before you part.
prep-bring = What you could bring
prep-bring-news = News they have not heard:
prep-bring-areas = Something useful on what they care about: { $areas }.
prep-bring-default = An article, an introduction or a result they helped with.
prep-questions = Questions to ask
prep-questions-from = from <a href="{ $href }">the question bank</a>

## brief.html and partials/brief-sheet.html: the sponsor brief

brief-lede = What a sponsor needs to speak for you in a room you are not in, on one page. Print it or send it before a conversation about your next step.
# $command is the command that typesets this brief; $member is "true" in a
# cohort member's workbook (the member does not run careerbook).
brief-actions =
    { $member ->
        [true] For a one-page PDF to attach to an email, ask whoever builds your cohort's workbooks to run <code>{ $command }</code>.
       *[other] For a one-page PDF to attach to an email, run <code>{ $command }</code>.
    } Only public wins appear here; who has heard about each win stays in your workbook.
brief-eyebrow = Sponsor brief
brief-your-name = Your name
brief-ambition-title = Where I am headed
brief-then = Then: { $ambition }
brief-ambition-empty = Add <code>ambitions:</code> to <code>{ $file }</code>: the one line a sponsor repeats for you.
brief-wins-title = Recent results
brief-wins-empty = No wins yet: list your results in <code>{ $file }</code> and the newest five appear here.
brief-open-title = Open to
brief-open-empty = Add <code>open_to:</code> to <code>{ $file }</code>: the roles and stretch assignments you want.
brief-vouch-title = Who else knows my work

## progress.html, and what book.js writes there

progress-lede = How far you are through the workbook’s checklists and the 12-month plan.
progress-save-title = Save your progress
progress-save-text = Ticks you make in the browser are remembered on this device. To keep them for good (and in the printed workbook), copy them into <code>{ $file }</code>.
progress-export = Show my progress as YAML
progress-copy = Copy
# The comment book.js writes at the top of the exported YAML (after "# ").
progress-yaml-comment = Checklist items done, with the date. Paste into { $file }.
progress-noscript = Ticking boxes needs JavaScript; without it, list finished item ids in <code>{ $file }</code> and build again.
progress-plan-title = The 12-month plan
progress-phases-caption = Plan phases
progress-phases-caption-from = Plan phases, from { $start }
progress-col-phase = Phase
progress-col-dates = Dates
progress-col-done = Done
progress-col-progress = Progress
# A tag beside the current phase.
progress-now = now
progress-phase-onwards = <time datetime="{ $date }">{ $long }</time> onwards
# Inside a progress bar, for browsers that do not draw it (book.js too).
progress-of = { $done } of { $total }
progress-events-caption = Interactions and check-ins on the timeline
progress-col-date = Date
progress-col-what = What
progress-chapters-title = By chapter
progress-chapters-caption = Checklist items by chapter
progress-col-chapter = Chapter

## print.html: the whole workbook on one page

print-title-suffix = (print)
print-hint = This page holds the whole workbook for printing. Use your browser’s Print command; <a href="{ $href }">back to the workbook</a>.
# Followed by the owner's name.
print-prepared-for = Prepared for
# Followed by a line to write one's name on.
print-page-name = Name:
print-relationships-title = Your relationships
print-brief-title = Your sponsor brief
print-page-prep-title = Prep cards
print-only-brief = <a href="{ $href }">Print only the brief</a>: follow this link, then use your browser’s Print command.
print-only-prep = <a href="{ $href }">Print only the prep cards</a>: follow this link, then use your browser’s Print command.

## cohort.html: the cohort report (counts across a program's members)

# $date is YYYY-MM-DD (for the <time> tag), $long the same date in words.
cohort-lede =
    { $count ->
        [one] How the program’s { $count } member is doing, as of <time datetime="{ $date }">{ $long }</time>.
       *[other] How the program’s { $count } members are doing, as of <time datetime="{ $date }">{ $long }</time>.
    }
# $names is "true" when the report shows members' names.
cohort-lede-counts =
    { $names ->
        [true] Counts only: no member’s notes or private contacts are used.
       *[other] Counts only: no member’s notes or private contacts are used, and no names are shown.
    }
cohort-relationships-title = Relationships
cohort-relationships-caption = Members by active relationships
cohort-with-mentor = An active mentor
cohort-with-sponsor = An active sponsor
cohort-with-both = Both
cohort-with-neither = Neither
cohort-check-ins-title = Check-ins
cohort-check-ins-overdue =
    <strong>{ $count }</strong> { $count ->
        [one] overdue check-in
       *[other] overdue check-ins
    }, across { $members } { $members ->
        [one] member
       *[other] members
    }.
cohort-wins-title = Wins
cohort-wins-text =
    <strong>{ $keeping }</strong> of { $count } { $count ->
        [one] member
       *[other] members
    } { $keeping ->
        [one] keeps
       *[other] keep
    } a wins file, with { $wins } { $wins ->
        [one] win
       *[other] wins
    } logged in all.
cohort-phases-title = Where members are in the 12-month plan
cohort-phases-caption = Members by plan phase today
cohort-no-plan = No plan start yet
cohort-members-title = Members
cohort-members-caption = Each member’s workbook
cohort-col-member = Member
cohort-col-mentor = Active mentor
cohort-col-sponsor = Active sponsor
cohort-col-overdue = Overdue
cohort-col-done = Items done
cohort-yes = yes
cohort-no = no

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
print-you = You
print-cover-personal = Your own copy: it names the people you work with. Not for publishing.
print-name = Name
print-role-and-organization = Role and organization

# In the chapters: checklist items, links to where an item is defined,
# pictures that could not be printed.
print-task-done = done
print-due-again = due again, last done
print-also-in = also in
print-picture-not-printed = Picture not printed

# Channels, as a label ("Channel: email"; after a draft's title, "Follow-up
# after a talk (event)") and as a way to send a message ("by email", "after
# an event").
print-channel-linkedin = LinkedIn
print-channel-email = email
print-channel-conference = event
print-channel-in-person = in person
print-channel-video = video call
print-channel-phone = phone
print-channel-slack = Slack
print-channel-teams = Teams
print-by-channel = by
print-by-channel-linkedin = on LinkedIn
print-by-channel-email = by email
print-by-channel-conference = after an event
print-by-channel-in-person = in person
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
print-placeholder-their_organisation = their organization
print-placeholder-their_work = their work
print-placeholder-my_name = my name
print-placeholder-my_first_name = my first name
print-placeholder-my_role = my role
print-placeholder-my_organisation = my organization
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

# Your dashboard: "Where your network stands on 24 November 2026."
print-glance = Your dashboard
print-glance-network = Where your network stands
print-glance-you = Where you stand
# "12 of 91 checklist items done": the numbers, then print-checklist-items-done-one
# or -other as the total counts ("1 of 1 checklist item done").
print-checklist-items-done-one = checklist item done
print-checklist-items-done-other = checklist items done
print-mentors-and-sponsors = Mentors and sponsors
print-recommended = Recommended
print-next-actions = Next actions
print-plan = Your 12-month plan
print-phase = Phase
print-dates = Dates
print-phase-done = Done
# A phase with no end date, in the plan's table: print-phase-from, the date,
# then print-phase-onwards ("15 Mar 2026 onwards", as on the progress page).
print-phase-from = {""}
print-phase-onwards = onwards
print-now = now
print-timeline = Timeline

# The relationship tracker and each person's pages. "30 days overdue" is
# print-overdue-before, the number, then print-overdue-one or -other.
print-tracker = Relationship tracker
print-tracker-description = Everyone you are building a relationship with, and what comes next.
print-tracker-empty = No one yet. Add the people you track to your relationships.yaml, or use the blank tracker below.
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
# "every 30 days"; for a rhythm of one day, print-every-day.
print-every = every
print-days = days
print-every-day = every day
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
print-blank-count-how = Write in how many people you have at each stage. Aim for two or three active mentors and at least two active sponsors.
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

# A checklist item's notes in a chapter: when it was done, a tick that fell
# due again, and where an item that a page refers to is defined.
task-done = done
task-due-again = due again, last done
task-also-in = also in
