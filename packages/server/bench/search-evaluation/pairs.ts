/**
 * Evaluation set for the similar-threads finder: existing threads (PAIRS originals and DISTRACTORS)
 * across six kinds of brand community, duplicates worded differently as a customer would type them,
 * and NOVEL posts that have no duplicate. Difficulty is mixed on purpose: some duplicates share a key
 * noun of the title, many share words only in the body, and some are paraphrases with little overlap.
 */
export interface EvaluationThread {
  title: string;
  body: string;
}

export interface DuplicatePair {
  /** The thread already in the community. */
  original: EvaluationThread;
  /** A differently worded post of the same need, as a customer would type it (title; body may be ''). */
  duplicate: EvaluationThread;
}

export const PAIRS: DuplicatePair[] = [
  // ---------------------------------------------------------------- Outdoor gear shop
  {
    original: {
      title: 'Hiking boots leak after a few months of use',
      body: 'My waterproof boots started letting water in at the toe seam after about four months. Is there a warranty or a fix?',
    },
    duplicate: {
      title: 'Water getting into my boots',
      body: 'The toe area gets wet when I walk through puddles, and they were sold as waterproof.',
    },
  },
  {
    original: {
      title: 'Offer a repair service for broken tent poles',
      body: 'One of my tent poles snapped in the wind. I would like to send it in for repair instead of buying a whole new tent.',
    },
    duplicate: {
      title: 'Can you fix a snapped pole?',
      body: 'Mine cracked on a windy night. Do you replace single segments?',
    },
  },
  {
    original: {
      title: "Add a size chart for women's jackets",
      body: "The product pages for women's jackets only list S, M and L with no measurements. Please add chest and sleeve measurements.",
    },
    duplicate: {
      title: "Measurements for ladies' coats",
      body: 'I never know which size to order. A table with chest and arm length in cm would help.',
    },
  },
  {
    original: {
      title: 'Water bottle lid leaks in my backpack',
      body: 'The screw cap on the insulated bottle leaks when the bottle lies on its side. Everything in my pack got soaked.',
    },
    duplicate: {
      title: 'Lid not sealing, soaked my bag',
      body: 'Had it lying flat in my rucksack and it dripped everywhere.',
    },
  },
  {
    original: {
      title: 'Stock wide-fit versions of trail running shoes',
      body: 'Many of your trail shoes are narrow. Please carry wide (2E) versions for people with broader feet.',
    },
    duplicate: {
      title: 'Broader sizes for running shoes?',
      body: 'I have wide feet and the trail runners pinch.',
    },
  },
  {
    original: {
      title: 'Rent camping gear instead of buying it',
      body: 'I only camp once or twice a year. A rental option for tents, sleeping bags and stoves would be great.',
    },
    duplicate: {
      title: 'Hire equipment for a weekend trip',
      body: 'Would love to borrow a tent and a stove for a few days rather than purchase them.',
    },
  },
  {
    original: {
      title: 'Zipper on my rain jacket keeps splitting open',
      body: 'The main zipper separates from the bottom after I close it. The jacket is only a year old.',
    },
    duplicate: {
      title: 'Jacket zip comes apart',
      body: 'The zip opens up below the slider every time.',
    },
  },
  {
    original: {
      title: 'Show temperature ratings on sleeping bag product pages',
      body: 'It is hard to compare sleeping bags without the comfort and limit temperature ratings. Please show them clearly.',
    },
    duplicate: {
      title: 'How warm is each sleeping bag?',
      body: 'Please list the lowest temp each bag is good for.',
    },
  },
  {
    original: {
      title: "Free returns for boots that don't fit",
      body: 'Ordering boots online is a gamble on size. Free return shipping would make me order more.',
    },
    duplicate: {
      title: 'Sending back footwear should not cost me postage',
      body: 'Sizes vary so much that I had to pay to send two pairs back.',
    },
  },
  {
    original: {
      title: 'Restock the 2-person ultralight tent',
      body: 'The 2-person ultralight tent has been out of stock for weeks. When will it be back?',
    },
    duplicate: {
      title: 'When is the light two-man tent coming back in stock?',
      body: '',
    },
  },
  {
    original: {
      title: 'Re-waterproofing service for old jackets',
      body: 'My shell jacket no longer beads water. Could you offer a wash and DWR reproofing service in store?',
    },
    duplicate: {
      title: "Coat isn't repelling rain anymore, can you treat it?",
      body: 'It soaks through now. I would pay for a proofing treatment.',
    },
  },
  {
    original: {
      title: 'Add customer photos to product reviews',
      body: 'It would help to see real photos of gear from other buyers in the reviews section.',
    },
    duplicate: {
      title: 'Let buyers upload pictures with their ratings',
      body: 'I want to see what the backpack looks like on a real person.',
    },
  },
  {
    original: {
      title: 'Backpack hip belt padding wears through',
      body: 'The foam in the hip belt of my 50L pack flattened and the fabric wore through after one season.',
    },
    duplicate: {
      title: 'Hipbelt on my pack falling apart',
      body: 'The padding is worn out after a few trips.',
    },
  },
  {
    original: {
      title: 'Sell replacement parts for camping stoves',
      body: "The igniter on my stove broke. I can't find spare parts for it on the site.",
    },
    duplicate: {
      title: 'Spare igniter for my stove',
      body: '',
    },
  },
  {
    original: {
      title: 'Explain the difference between down and synthetic insulation',
      body: 'I never know whether to buy a down or a synthetic jacket. A buying guide would help.',
    },
    duplicate: {
      title: 'Guide: down vs synthetic fill',
      body: 'Which is better for wet weather?',
    },
  },
  {
    original: {
      title: "Kids' hiking boots sizes are too limited",
      body: "Children's boots only go up to size 2. Older kids fall between kids' and adult sizes.",
    },
    duplicate: {
      title: "Bigger sizes in children's walking shoes",
      body: 'My 11 year old has outgrown the largest kids boot you sell.',
    },
  },
  {
    original: {
      title: 'Loyalty points for repairs and trade-ins',
      body: 'Give members points when they trade in old gear or repair instead of buying new.',
    },
    duplicate: {
      title: 'Reward me for bringing back used equipment',
      body: 'Some stores give credit when you return worn gear for recycling.',
    },
  },
  {
    original: {
      title: 'Headlamp battery dies too fast',
      body: 'My headlamp lasts only two hours on high before the battery is empty, much less than advertised.',
    },
    duplicate: {
      title: 'Head torch runtime much shorter than claimed',
      body: 'Battery is flat after 2 hours.',
    },
  },
  {
    original: {
      title: 'Trekking poles slip and collapse when locked',
      body: 'The twist locks on my trekking poles slip and the pole shortens under my weight.',
    },
    duplicate: {
      title: "Walking sticks won't stay extended",
      body: 'The locking mechanism gives way when I lean on them.',
    },
  },
  {
    original: {
      title: 'Offer in-store boot fitting appointments',
      body: "I'd like to book a time with a staff member to get my feet measured and try boots.",
    },
    duplicate: {
      title: 'Book a fitting session for boots',
      body: '',
    },
  },
  {
    original: {
      title: 'Lots of condensation inside the tent at night',
      body: 'Every morning the inside walls of my tent are wet. Is there something wrong with the ventilation?',
    },
    duplicate: {
      title: 'Damp inside my shelter overnight',
      body: 'The walls are dripping when I wake up, even with the vents open.',
    },
  },
  {
    original: {
      title: 'Gift cards should work online and in store',
      body: "The gift cards I bought in store can't be redeemed on the website.",
    },
    duplicate: {
      title: 'Use a store voucher on the website',
      body: "Got one as a present but checkout won't accept it.",
    },
  },
  {
    original: {
      title: 'Jacket sleeves too short for tall people',
      body: 'Please offer tall sizes. The sleeves on large jackets end above my wrists.',
    },
    duplicate: {
      title: 'Tall fit jackets with longer arms',
      body: '',
    },
  },
  {
    original: {
      title: 'Send an email when an item is back in stock',
      body: 'Let me subscribe to an out-of-stock item and get notified when it returns.',
    },
    duplicate: {
      title: 'Alert when sold-out products return',
      body: 'I keep checking the page for my size.',
    },
  },
  {
    original: {
      title: 'Bottle insulation stops working after the dishwasher',
      body: 'My insulated bottle no longer keeps drinks cold after I washed it in the dishwasher.',
    },
    duplicate: {
      title: 'Thermos stopped keeping drinks cold',
      body: 'Put it through the dishwasher once and now it is lukewarm after an hour.',
    },
  },
  {
    original: {
      title: 'Price match with other outdoor retailers',
      body: 'I found the same tent cheaper at another shop. Will you match the price?',
    },
    duplicate: {
      title: "Do you match competitors' prices?",
      body: '',
    },
  },
  {
    original: {
      title: 'Vegan hiking boots without leather',
      body: 'Please stock boots made without leather or animal glue.',
    },
    duplicate: {
      title: 'Animal-free walking footwear options',
      body: 'Looking for boots with no leather.',
    },
  },

  // ---------------------------------------------------------------- SaaS project-management app
  {
    original: {
      title: 'Export tasks to CSV',
      body: 'I need to pull all tasks of a project into a spreadsheet for reporting. A CSV export with assignee and due date would be perfect.',
    },
    duplicate: {
      title: 'Download project as spreadsheet (csv)',
      body: 'Our finance team wants the list in Excel.',
    },
  },
  {
    original: {
      title: 'Add a dark mode to the web app',
      body: 'The bright white interface is hard on the eyes at night. Please add a dark theme.',
    },
    duplicate: {
      title: 'Night theme please',
      body: 'Working late and the screen is blinding.',
    },
  },
  {
    original: {
      title: 'Slack integration for task updates',
      body: 'Post a message in a Slack channel when a task is created, completed or commented on.',
    },
    duplicate: {
      title: 'Send notifications to our Slack workspace',
      body: '',
    },
  },
  {
    original: {
      title: "Mute email notifications for tasks I'm not assigned to",
      body: 'I get an email for every change in projects I follow. I only want emails for tasks assigned to me.',
    },
    duplicate: {
      title: 'Way too many emails',
      body: "My inbox is flooded with updates about other people's work.",
    },
  },
  {
    original: {
      title: 'Read-only guest access for clients',
      body: 'We want to invite clients to see project progress without letting them edit anything.',
    },
    duplicate: {
      title: 'View-only role for external stakeholders',
      body: 'Customers should see the board but not change it.',
    },
  },
  {
    original: {
      title: 'Mobile app crashes when opening attachments',
      body: 'On Android the app closes immediately when I tap a PDF attached to a task.',
    },
    duplicate: {
      title: 'App quits when I tap a PDF',
      body: 'Android 14, happens every time with files on a task.',
    },
  },
  {
    original: {
      title: 'Support recurring tasks that repeat automatically',
      body: 'Let me create a task that repeats every week or month, like a weekly report.',
    },
    duplicate: {
      title: 'Repeat a task on a schedule',
      body: 'Every Monday I recreate the same checklist by hand.',
    },
  },
  {
    original: {
      title: 'Gantt chart timeline view for project planning',
      body: 'Show tasks on a timeline with dependencies so we can plan releases.',
    },
    duplicate: {
      title: 'Visual roadmap with bars per task',
      body: 'Like MS Project, so we can see what overlaps.',
    },
  },
  {
    original: {
      title: 'API rate limit is too low',
      body: 'Our integration hits the 100 requests per minute limit when syncing. Please raise it or offer higher limits on paid plans.',
    },
    duplicate: {
      title: 'Getting 429 Too Many Requests from the REST API',
      body: 'Our sync script gets throttled.',
    },
  },
  {
    original: {
      title: 'Add two-factor authentication to accounts',
      body: 'Please add 2FA with an authenticator app to protect accounts.',
    },
    duplicate: {
      title: 'Extra login security with one-time codes',
      body: 'Our security policy requires MFA.',
    },
  },
  {
    original: {
      title: 'Track time spent on each task',
      body: 'Let team members log hours spent on each task and see totals per project.',
    },
    duplicate: {
      title: 'Log hours against a task',
      body: '',
    },
  },
  {
    original: {
      title: 'Custom fields on tasks for extra data',
      body: 'We need extra fields like budget, client name or priority score on tasks.',
    },
    duplicate: {
      title: 'Add my own properties to cards',
      body: 'For example a dropdown for the customer and a number for cost.',
    },
  },
  {
    original: {
      title: 'Bulk edit multiple tasks at once',
      body: 'Selecting 30 tasks and changing the assignee one by one takes forever.',
    },
    duplicate: {
      title: 'Change assignee for many tasks in one go',
      body: '',
    },
  },
  {
    original: {
      title: 'Google Calendar sync for due dates',
      body: 'Show task due dates in my Google Calendar and keep them updated.',
    },
    duplicate: {
      title: 'Deadlines in my calendar',
      body: 'Two-way sync with Google would be ideal.',
    },
  },
  {
    original: {
      title: 'Undo accidental task deletion',
      body: 'I deleted a task by mistake and there is no way to get it back. Please add a trash or undo.',
    },
    duplicate: {
      title: 'Restore removed items from a bin',
      body: 'A colleague deleted a card with a lot of comments on it.',
    },
  },
  {
    original: {
      title: 'Offline mode in the mobile app',
      body: "On flights I can't see or edit my tasks. Please cache projects for offline use.",
    },
    duplicate: {
      title: 'Work without internet on my phone',
      body: "Sync my changes when I'm back online.",
    },
  },
  {
    original: {
      title: 'Allow subtasks inside a task',
      body: 'Break a big task into smaller checklist items that can be assigned separately.',
    },
    duplicate: {
      title: 'Nested tasks or child items',
      body: '',
    },
  },
  {
    original: {
      title: 'Webhooks when tasks are created or updated',
      body: 'Send an HTTP POST to our endpoint when tasks change so we can trigger our own automation.',
    },
    duplicate: {
      title: 'Callback URL when something changes',
      body: "We'd like to push events to our backend.",
    },
  },
  {
    original: {
      title: 'Permissions per project, not just per workspace',
      body: 'Some members should only see certain projects. Right now everyone in the workspace sees everything.',
    },
    duplicate: {
      title: 'Hide confidential projects from some team members',
      body: '',
    },
  },
  {
    original: {
      title: 'Keyboard shortcuts for power users',
      body: 'Power users need shortcuts to create tasks, move between columns and search without the mouse.',
    },
    duplicate: {
      title: 'Hotkeys for common actions',
      body: 'Using the mouse for everything is slow.',
    },
  },
  {
    original: {
      title: 'Export a project status report as PDF',
      body: 'I want a printable status report with progress and overdue tasks for management meetings.',
    },
    duplicate: {
      title: 'Printable summary of where the project stands',
      body: 'To bring to the weekly meeting with our director.',
    },
  },
  {
    original: {
      title: 'Mention teammates in comments with @',
      body: 'Typing @name in a comment should notify that person.',
    },
    duplicate: {
      title: 'Tag a colleague in a comment so they get alerted',
      body: '',
    },
  },
  {
    original: {
      title: 'Integration with Microsoft Teams channels',
      body: 'Our company uses Teams, not Slack. Please add a Teams connector.',
    },
    duplicate: {
      title: 'Connect to MS Teams',
      body: "We don't use Slack at our company.",
    },
  },
  {
    original: {
      title: 'Import boards and cards from Trello',
      body: 'We want to migrate our boards from Trello including cards, labels and comments.',
    },
    duplicate: {
      title: 'Migrate our Trello workspace',
      body: '',
    },
  },
  {
    original: {
      title: 'Save tasks as reusable templates',
      body: 'Save a task with its checklist and description as a template to reuse.',
    },
    duplicate: {
      title: 'Reusable checklists for onboarding',
      body: 'We create the same steps for every new hire.',
    },
  },
  {
    original: {
      title: 'Push notifications on iOS are delayed',
      body: 'I get the push notification on my iPhone 10 to 20 minutes after the comment was posted.',
    },
    duplicate: {
      title: 'iPhone alerts arrive late',
      body: 'Comments show up on my phone a quarter of an hour later.',
    },
  },
  {
    original: {
      title: 'Single sign-on with SAML for company accounts',
      body: 'We need SAML SSO so employees log in with their company account through Okta.',
    },
    duplicate: {
      title: 'Login through our identity provider',
      body: 'We use Azure AD for everything else.',
    },
  },

  // ---------------------------------------------------------------- Online grocery delivery
  {
    original: {
      title: 'More evening delivery slots',
      body: 'All slots after 6pm are always booked. Please add more evening delivery windows.',
    },
    duplicate: {
      title: 'Late delivery times after work',
      body: 'I can never get anything after 6.',
    },
  },
  {
    original: {
      title: 'Let me choose no substitutions for specific items',
      body: "For some products I'd rather get nothing than a replacement. Add a per-item 'no substitute' option.",
    },
    duplicate: {
      title: "Don't replace my baby formula with another brand",
      body: 'I need a way to say do not swap this item.',
    },
  },
  {
    original: {
      title: 'Fresh products arrive close to their expiry date',
      body: 'Yogurt and salad often come with only one or two days left before the use-by date.',
    },
    duplicate: {
      title: 'Short dates on fresh food',
      body: 'Milk delivered yesterday expires tomorrow.',
    },
  },
  {
    original: {
      title: 'App logs me out every time I close it',
      body: 'On iPhone I have to sign in again each time I open the app.',
    },
    duplicate: {
      title: 'Keep me signed in',
      body: 'Having to enter my password every time is annoying.',
    },
  },
  {
    original: {
      title: 'Accept PayPal as a payment method',
      body: 'Please add PayPal as a payment method at checkout.',
    },
    duplicate: {
      title: 'PayPal option at checkout',
      body: '',
    },
  },
  {
    original: {
      title: 'Reorder my previous order in one tap',
      body: 'I buy mostly the same things every week. Let me add my last order to the basket with one button.',
    },
    duplicate: {
      title: "Repeat last week's shop",
      body: 'Same groceries every Friday.',
    },
  },
  {
    original: {
      title: 'Leave delivery at the door without signing',
      body: "I'm often in meetings. Let drivers leave the bags on the doorstep.",
    },
    duplicate: {
      title: 'Contactless drop-off option',
      body: 'Just leave it outside please.',
    },
  },
  {
    original: {
      title: 'Show price per kilo on product pages',
      body: "It's hard to compare pack sizes without the unit price per kg or per litre.",
    },
    duplicate: {
      title: 'Unit pricing to compare sizes',
      body: '',
    },
  },
  {
    original: {
      title: 'Frozen items arrive thawed',
      body: 'Ice cream and frozen peas were soft when delivered in summer.',
    },
    duplicate: {
      title: 'Freezer goods melted in the bag',
      body: 'The ice cream was liquid when it arrived.',
    },
  },
  {
    original: {
      title: 'Track the delivery driver on a map',
      body: 'Show where my driver is and the estimated arrival time.',
    },
    duplicate: {
      title: 'Live location of my order',
      body: 'I want to know how far away the van is.',
    },
  },
  {
    original: {
      title: 'Refund for missing items takes too long',
      body: 'Items missing from my order take a week to be refunded.',
    },
    duplicate: {
      title: 'Still waiting for money back for items not delivered',
      body: '',
    },
  },
  {
    original: {
      title: 'Add an allergen filter when browsing',
      body: 'Let me hide products containing nuts, gluten or dairy.',
    },
    duplicate: {
      title: 'Filter out gluten products',
      body: "I'm coeliac.",
    },
  },
  {
    original: {
      title: 'Minimum order amount is too high',
      body: 'The minimum basket of 50 dollars is too much for a single person.',
    },
    duplicate: {
      title: 'Lower the minimum basket value',
      body: '',
    },
  },
  {
    original: {
      title: 'Option for deliveries without plastic bags',
      body: 'Every delivery comes with a dozen plastic bags. Let me choose bagless delivery.',
    },
    duplicate: {
      title: 'Too much packaging waste',
      body: 'Drivers could hand the shopping over in crates.',
    },
  },
  {
    original: {
      title: 'Substitutions are often a bigger, more expensive product',
      body: "When an item is out of stock I get a replacement that costs double, and I'm charged for it.",
    },
    duplicate: {
      title: 'Replacement products cost me extra',
      body: '',
    },
  },
  {
    original: {
      title: 'Save a list of favorite products',
      body: 'Let me mark products as favorites so I can find them quickly.',
    },
    duplicate: {
      title: 'Bookmark things I like',
      body: 'Searching for the same oat milk every time is slow.',
    },
  },
  {
    original: {
      title: 'Fruit arrives overripe or bruised',
      body: 'Bananas and avocados are often brown and bruised on arrival.',
    },
    duplicate: {
      title: 'Bruised bananas in every order',
      body: '',
    },
  },
  {
    original: {
      title: 'Support Apple Pay in the iOS app',
      body: 'Let me pay with Apple Pay in the iPhone app.',
    },
    duplicate: {
      title: 'Pay with my phone wallet',
      body: 'Typing my card details on the iPhone takes too long.',
    },
  },
  {
    original: {
      title: 'Change my order after checkout',
      body: 'I often forget something. Let me add items to an order until the day before delivery.',
    },
    duplicate: {
      title: 'Add a forgotten item to an already placed order',
      body: '',
    },
  },
  {
    original: {
      title: 'Delivery slot booking expires too quickly',
      body: "My reserved slot is released after two hours if I haven't checked out.",
    },
    duplicate: {
      title: 'Reserved time window disappears before I finish shopping',
      body: '',
    },
  },
  {
    original: {
      title: 'Search results show irrelevant products',
      body: "Searching 'milk' shows chocolate and shampoo before actual milk.",
    },
    duplicate: {
      title: 'Search is bad',
      body: 'Typed eggs and got egg noodles and Easter candy first.',
    },
  },
  {
    original: {
      title: 'Monthly pass with unlimited free delivery',
      body: 'Offer a monthly subscription that covers all delivery fees.',
    },
    duplicate: {
      title: 'Delivery membership',
      body: "I'd pay monthly to avoid paying a fee on every order.",
    },
  },
  {
    original: {
      title: 'Driver instructions field is too short',
      body: "The delivery note only allows 50 characters; I can't explain how to find my building.",
    },
    duplicate: {
      title: 'More space for directions to my flat',
      body: "The gate code and entrance explanation don't fit.",
    },
  },
  {
    original: {
      title: 'Tip the driver in the app',
      body: "I'd like to add a tip for the driver after delivery.",
    },
    duplicate: {
      title: 'Gratuity for couriers',
      body: 'The driver carried everything up four floors and I had no cash.',
    },
  },
  {
    original: {
      title: 'Show full ingredients and nutrition information',
      body: 'Many product pages have no ingredients list or nutrition table.',
    },
    duplicate: {
      title: 'Nutritional info missing',
      body: '',
    },
  },
  {
    original: {
      title: 'Amount charged differs from the basket total',
      body: 'The total on my card was higher than the basket total shown in the app.',
    },
    duplicate: {
      title: 'Bank statement shows a higher amount than my basket',
      body: 'It was 8 euros more than the app said.',
    },
  },
  {
    original: {
      title: "Send a grocery order to someone else's address",
      body: "Let me send an order to my parents' address with a different recipient name.",
    },
    duplicate: {
      title: 'Order food for my elderly mother in another town',
      body: "She can't carry shopping anymore; I want to pay and have it delivered to her.",
    },
  },

  // ---------------------------------------------------------------- Bank / fintech app
  {
    original: {
      title: 'Freeze my card from the app',
      body: 'When I misplace my card I want to temporarily block it without calling support.',
    },
    duplicate: {
      title: 'Temporarily lock debit card',
      body: "Lost it somewhere at home, don't want to cancel it yet.",
    },
  },
  {
    original: {
      title: 'Download transaction history as CSV for my accountant',
      body: 'PDF statements are useless for bookkeeping. Please offer a CSV or Excel export of transactions.',
    },
    duplicate: {
      title: 'Spreadsheet file of all payments',
      body: 'My bookkeeping software needs it.',
    },
  },
  {
    original: {
      title: 'International transfer fees are too high',
      body: 'Sending money abroad costs a 3% fee plus a bad exchange rate.',
    },
    duplicate: {
      title: 'Cheaper way to send money overseas',
      body: 'Paying my sister in Poland costs a fortune.',
    },
  },
  {
    original: {
      title: 'Log in with Face ID instead of PIN',
      body: 'Typing my six-digit PIN every time is slow. Please support Face ID like other banking apps.',
    },
    duplicate: {
      title: 'Unlock the app with my face',
      body: 'Like my other apps do on iPhone.',
    },
  },
  {
    original: {
      title: 'Schedule recurring transfers to savings',
      body: 'I want to automatically move money to savings on the 1st of every month.',
    },
    duplicate: {
      title: 'Standing order to my savings account',
      body: 'I want it to happen automatically each payday.',
    },
  },
  {
    original: {
      title: 'Split a bill with friends',
      body: 'After dinner I want to request a share of the payment from friends in the app.',
    },
    duplicate: {
      title: 'Ask people to pay me back their part',
      body: "We paid dinner on my card and it's a pain to chase everyone.",
    },
  },
  {
    original: {
      title: 'Notification for every card payment',
      body: 'Send a push notification as soon as my card is charged so I spot fraud quickly.',
    },
    duplicate: {
      title: 'Real-time alerts for card transactions',
      body: "I'd like to know instantly when something is charged.",
    },
  },
  {
    original: {
      title: 'Virtual cards for online shopping',
      body: "Give me single-use virtual card numbers to use on websites I don't trust.",
    },
    duplicate: {
      title: 'Disposable card number for web purchases',
      body: 'For sites I only use once.',
    },
  },
  {
    original: {
      title: 'Transfer stuck in pending for days',
      body: 'I sent money to another bank on Monday and it still shows pending on Thursday.',
    },
    duplicate: {
      title: "Payment hasn't arrived after 3 days",
      body: 'Status still says processing.',
    },
  },
  {
    original: {
      title: 'Monthly spending breakdown by category',
      body: 'Show charts of how much I spend on groceries, transport and eating out.',
    },
    duplicate: {
      title: 'Budget analytics of where my money goes',
      body: 'Where does my salary disappear every month? Pie charts would help.',
    },
  },
  {
    original: {
      title: 'Increase the daily ATM withdrawal limit',
      body: 'The limit of 300 per day is too low when traveling.',
    },
    duplicate: {
      title: "Can't take out enough cash",
      body: 'The ATM limit stops me on holiday.',
    },
  },
  {
    original: {
      title: 'Joint account for couples',
      body: 'Let two people share one account, each with their own card.',
    },
    duplicate: {
      title: 'Shared account with my partner',
      body: 'We want to pay the rent and bills from one place.',
    },
  },
  {
    original: {
      title: 'Option to receive paper statements by post',
      body: "I'm not comfortable with online-only statements. Let me opt into paper statements sent by mail.",
    },
    duplicate: {
      title: 'Mail me printed statements',
      body: "My father doesn't use the internet.",
    },
  },
  {
    original: {
      title: 'Dispute a transaction in the app',
      body: 'I was charged twice by a merchant. There should be a dispute button next to each transaction.',
    },
    duplicate: {
      title: 'Report a double charge',
      body: 'A shop took the payment twice, how do I get it back?',
    },
  },
  {
    original: {
      title: 'Monthly account fee introduced without warning',
      body: 'You started charging a monthly fee on my basic account. Please give more notice or keep a free plan.',
    },
    duplicate: {
      title: 'Why am I paying a maintenance charge now?',
      body: 'My account used to be free.',
    },
  },
  {
    original: {
      title: 'Login code SMS never arrives',
      body: "The verification code text message doesn't arrive so I can't sign in.",
    },
    duplicate: {
      title: 'Not receiving my one-time passcode',
      body: 'Trying to log in but the text never comes.',
    },
  },
  {
    original: {
      title: 'Add my card to Google Pay',
      body: "My card can't be added to Google Pay on my Android phone.",
    },
    duplicate: {
      title: 'Contactless phone payments on Android',
      body: "Tap to pay with my phone doesn't work with your card.",
    },
  },
  {
    original: {
      title: 'Savings interest rate is far below competitors',
      body: "Your easy-access savings pays 0.5% while other banks offer 3%. Please raise it or I'll move my money.",
    },
    duplicate: {
      title: 'Raise the interest you pay on savings',
      body: '',
    },
  },
  {
    original: {
      title: 'Change my registered phone number',
      body: "I got a new number and can't find how to update it in the app.",
    },
    duplicate: {
      title: 'Update mobile number on my profile',
      body: 'I switched providers and have a new number.',
    },
  },
  {
    original: {
      title: 'Hold balances in multiple currencies',
      body: 'I get paid in euros and dollars; let me keep both without converting.',
    },
    duplicate: {
      title: 'Multi-currency account',
      body: 'I freelance for US and EU clients.',
    },
  },
  {
    original: {
      title: 'Replacement card takes too long to arrive',
      body: "I reported my card stolen and the replacement took three weeks. I couldn't pay for anything in the meantime.",
    },
    duplicate: {
      title: 'Still waiting for my new card',
      body: 'Ordered it 10 days ago.',
    },
  },
  {
    original: {
      title: 'Deposit a cheque by taking a photo',
      body: 'I still get cheques from relatives. Let me take a picture in the app instead of visiting a branch.',
    },
    duplicate: {
      title: 'Mobile check deposit',
      body: '',
    },
  },
  {
    original: {
      title: 'Show the payee name before I send money',
      body: "Show the account holder name before I confirm a payment so I don't pay the wrong person by mistake.",
    },
    duplicate: {
      title: 'Verify recipient before transfer',
      body: 'Make sure the name matches the account number.',
    },
  },
  {
    original: {
      title: 'Closing my account online is impossible',
      body: "There's no option to close my account online, and support keeps transferring me.",
    },
    duplicate: {
      title: 'How do I cancel my account?',
      body: "I'm moving to another bank.",
    },
  },
  {
    original: {
      title: 'Warn me before my balance goes negative',
      body: 'Warn me when my balance is about to drop below zero so I avoid overdraft charges.',
    },
    duplicate: {
      title: 'Low balance warning',
      body: "Tell me when I'm close to zero.",
    },
  },
  {
    original: {
      title: 'Banking app is slow to open',
      body: 'The app takes 15 seconds on the splash screen before I can do anything.',
    },
    duplicate: {
      title: 'Takes forever to load',
      body: 'Sits on the logo for ages every time I open it.',
    },
  },
  {
    original: {
      title: "Spending limits for kids' cards",
      body: 'Parents should be able to set daily limits and block categories on teen cards.',
    },
    duplicate: {
      title: "Parental controls on my son's card",
      body: "He's 14 and I want to limit what he spends.",
    },
  },

  // ---------------------------------------------------------------- Video game
  {
    original: {
      title: 'EU servers lag every evening',
      body: 'Between 7 and 11pm ping jumps to 200ms on EU servers.',
    },
    duplicate: {
      title: 'High ping during peak hours in Europe',
      body: 'Unplayable between 8 and 11.',
    },
  },
  {
    original: {
      title: 'Matchmaking puts beginners against veterans',
      body: 'As a new player I keep getting matched with max-level players and lose every game.',
    },
    duplicate: {
      title: 'Unfair matches for new players',
      body: "I'm level 5 and keep facing level 100s.",
    },
  },
  {
    original: {
      title: 'Let me remap controller buttons',
      body: 'Let me change which button does what on the gamepad. The default layout is awkward for me.',
    },
    duplicate: {
      title: 'Custom key bindings for gamepad',
      body: 'I want jump on a different button.',
    },
  },
  {
    original: {
      title: 'Game crashes when loading the desert map',
      body: 'My PC freezes then closes to desktop every time the desert level loads.',
    },
    duplicate: {
      title: 'Crash to desktop on sand level',
      body: '',
    },
  },
  {
    original: {
      title: 'Refund for skins bought by mistake',
      body: 'My kid bought a 20 dollar skin without asking. Please allow refunds within 24 hours.',
    },
    duplicate: {
      title: 'Undo accidental cosmetic purchase',
      body: 'My son bought something in the store without asking.',
    },
  },
  {
    original: {
      title: 'Cross-platform play between console and PC',
      body: "My friends are on PlayStation and I'm on PC; let us play together.",
    },
    duplicate: {
      title: 'Crossplay with PS5 friends',
      body: 'I play on PC.',
    },
  },
  {
    original: {
      title: 'Penalty for leaving ranked matches early',
      body: 'People quit ranked matches early and we lose rating. Punish leavers.',
    },
    duplicate: {
      title: 'Players abandoning competitive games',
      body: 'Teammates rage quit and we still lose points.',
    },
  },
  {
    original: {
      title: 'Add a field of view slider',
      body: 'The field of view is too narrow on ultrawide monitors; add an FOV slider.',
    },
    duplicate: {
      title: 'Wider field of view option',
      body: '',
    },
  },
  {
    original: {
      title: "Voice chat can't be muted per player",
      body: 'I want to mute one toxic player without disabling voice chat entirely.',
    },
    duplicate: {
      title: 'Silence individual teammates',
      body: 'One guy keeps screaming in voice.',
    },
  },
  {
    original: {
      title: 'Report cheaters with an in-game button',
      body: "There's no way to report aimbots except through the website.",
    },
    duplicate: {
      title: 'Easier way to flag hackers',
      body: 'Saw a wallhacker and had to fill in a web form.',
    },
  },
  {
    original: {
      title: 'Save progress in the cloud',
      body: 'Let my save files sync between my laptop and desktop.',
    },
    duplicate: {
      title: 'Cloud saves across devices',
      body: 'I play on two computers.',
    },
  },
  {
    original: {
      title: 'Battle pass season is too short',
      body: "The season is only 6 weeks; I can't finish the pass with a full-time job.",
    },
    duplicate: {
      title: 'Not enough time to complete the pass',
      body: 'Seasons are over before I reach the last tier.',
    },
  },
  {
    original: {
      title: 'Subtitles are too small to read',
      body: 'The subtitle text is unreadable on a TV from the couch. Add size options.',
    },
    duplicate: {
      title: 'Bigger caption font',
      body: "Can't read the text from my sofa.",
    },
  },
  {
    original: {
      title: "Controller vibration can't be turned off",
      body: 'Rumble is annoying at night; I want an option to disable it.',
    },
    duplicate: {
      title: 'Disable rumble',
      body: 'The controller shaking is annoying.',
    },
  },
  {
    original: {
      title: 'Private lobbies with friends',
      body: 'Let us create a custom match only our group can join.',
    },
    duplicate: {
      title: 'Custom games with an invite code',
      body: 'Just for me and my friends.',
    },
  },
  {
    original: {
      title: 'Long queue times at high rank',
      body: 'Above Diamond I wait 10 minutes to find a match.',
    },
    duplicate: {
      title: 'Matchmaking takes forever for top players',
      body: "I'm Diamond and wait ages.",
    },
  },
  {
    original: {
      title: 'Add a colorblind mode for enemy markers',
      body: 'Red and green enemy markers look the same to me.',
    },
    duplicate: {
      title: 'Accessibility option for deuteranopia',
      body: "I can't tell enemy outlines apart.",
    },
  },
  {
    original: {
      title: 'Disconnected during boss fights and loot is lost',
      body: "I get kicked with 'connection lost' right in the middle of raids and lose the loot.",
    },
    duplicate: {
      title: 'Kicked from raid, lost all rewards',
      body: 'Connection dropped at the last boss.',
    },
  },
  {
    original: {
      title: 'Mouse sensitivity resets after restart',
      body: 'Every time I restart the game my sensitivity goes back to default.',
    },
    duplicate: {
      title: "Settings don't save between sessions",
      body: 'Have to set my mouse again every time I launch.',
    },
  },
  {
    original: {
      title: 'Trade items between players',
      body: 'Let me give or trade weapons to friends. Right now extra weapons just sit in my inventory.',
    },
    duplicate: {
      title: 'Player trading system',
      body: 'So I can give my spare weapons to my friends.',
    },
  },
  {
    original: {
      title: 'More slots on the emote wheel',
      body: 'I can only equip 4 emotes; please allow 8.',
    },
    duplicate: {
      title: 'Equip more than four emotes',
      body: '',
    },
  },
  {
    original: {
      title: 'Gift skins to friends from the shop',
      body: 'Let me buy a cosmetic from the shop as a gift for a friend.',
    },
    duplicate: {
      title: 'Send a skin as a present',
      body: "For my friend's birthday.",
    },
  },
  {
    original: {
      title: 'Offline mode for the single-player campaign',
      body: 'I want to play the campaign without an internet connection.',
    },
    duplicate: {
      title: 'Play story without being online',
      body: 'My internet at the cabin is terrible.',
    },
  },
  {
    original: {
      title: 'Frame rate drops on PS5 in performance mode',
      body: 'FPS drops to 40 in big fights on PS5.',
    },
    duplicate: {
      title: 'Stuttering on PlayStation 5',
      body: 'Big fights get choppy.',
    },
  },
  {
    original: {
      title: 'Replay system to review matches',
      body: 'Let me watch a recording of my last games to learn.',
    },
    duplicate: {
      title: 'Watch back my games',
      body: 'I want to see what I did wrong.',
    },
  },
  {
    original: {
      title: 'Allow changing my username once a year',
      body: 'I picked a silly name at 13. A free name change once a year would be fair.',
    },
    duplicate: {
      title: 'Rename my account',
      body: 'My name is embarrassing now.',
    },
  },
  {
    original: {
      title: 'Chat filter blocks normal words',
      body: "The profanity filter censors harmless words like 'assassin'.",
    },
    duplicate: {
      title: 'Censor is too strict',
      body: 'It stars out normal words.',
    },
  },

  // ---------------------------------------------------------------- Coffee subscription
  {
    original: {
      title: 'Pause subscription while on vacation',
      body: "I'm away for three weeks; let me skip deliveries without cancelling.",
    },
    duplicate: {
      title: 'Skip a month when traveling',
      body: 'Going abroad in August.',
    },
  },
  {
    original: {
      title: 'Choose grind size for my espresso machine',
      body: 'The medium grind is too coarse for espresso. Please offer a fine grind option.',
    },
    duplicate: {
      title: 'Finer ground coffee for espresso',
      body: 'It runs through way too fast.',
    },
  },
  {
    original: {
      title: 'More dark roasts in the rotation',
      body: 'Most of the monthly coffees are light roasts. Include more dark roasts.',
    },
    duplicate: {
      title: 'Too many light coffees, want bold ones',
      body: '',
    },
  },
  {
    original: {
      title: 'Shipping takes over a week',
      body: 'My beans are roasted on Monday but arrive the following week, already less fresh.',
    },
    duplicate: {
      title: 'Slow delivery means stale beans',
      body: '',
    },
  },
  {
    original: {
      title: 'Grinder stopped working after two months',
      body: "The burr grinder I bought from you makes noise but doesn't grind anymore.",
    },
    duplicate: {
      title: 'Burr mill broken, motor hums',
      body: '',
    },
  },
  {
    original: {
      title: 'Decaf option in the subscription',
      body: "Let me get decaf beans for evening coffee. I'd love a decaf in every other box.",
    },
    duplicate: {
      title: 'Caffeine-free beans',
      body: "I can't drink caffeine after noon.",
    },
  },
  {
    original: {
      title: 'Change delivery frequency to every two weeks',
      body: 'Monthly is too little for us; biweekly would be ideal.',
    },
    duplicate: {
      title: 'Fortnightly shipments',
      body: 'We drink more than one bag a month.',
    },
  },
  {
    original: {
      title: 'Compostable packaging for coffee bags',
      body: "The bags aren't recyclable; please switch to compostable ones.",
    },
    duplicate: {
      title: 'Eco-friendly coffee bags',
      body: "Can't recycle the current ones.",
    },
  },
  {
    original: {
      title: 'Tasting notes card with each coffee',
      body: 'Include info about origin, farm and tasting notes in the box.',
    },
    duplicate: {
      title: 'Tell me more about where the beans come from',
      body: '',
    },
  },
  {
    original: {
      title: 'Rate coffees to personalize future shipments',
      body: 'Let me rate each coffee so you send more of what I like.',
    },
    duplicate: {
      title: 'Learn my taste preferences',
      body: 'Send me more of the ones I liked.',
    },
  },
  {
    original: {
      title: 'Gift subscription for 3 months',
      body: "I'd like to give a 3-month subscription as a present.",
    },
    duplicate: {
      title: 'Buy a coffee subscription as a gift',
      body: '',
    },
  },
  {
    original: {
      title: 'Packaging that fits through a letterbox',
      body: 'The box is too big for my mailbox so I have to pick it up at the post office.',
    },
    duplicate: {
      title: 'Make the parcel fit through the mail slot',
      body: 'I always have to collect it.',
    },
  },
  {
    original: {
      title: 'Update payment card for subscription',
      body: "My card expired and I can't find where to change it in my account.",
    },
    duplicate: {
      title: 'Change credit card on file',
      body: 'My old one expired.',
    },
  },
  {
    original: {
      title: 'Let me cancel my subscription online',
      body: "There's no cancel button; I had to email support.",
    },
    duplicate: {
      title: 'Unsubscribe button missing',
      body: 'Why do I need to email to stop my plan?',
    },
  },
  {
    original: {
      title: 'Add accessories to my next shipment',
      body: 'Let me add filters or a mug to my next box without separate shipping.',
    },
    duplicate: {
      title: 'Include extra items with my regular delivery',
      body: 'Would like to add a mug.',
    },
  },
  {
    original: {
      title: 'Single-origin coffees only, no blends',
      body: "I only want single-origin coffees. The blends in my last boxes weren't for me.",
    },
    duplicate: {
      title: 'Exclude blends from my plan',
      body: '',
    },
  },
  {
    original: {
      title: 'Roast date printed on the bag',
      body: 'Print the roast date, not just a best-before date.',
    },
    duplicate: {
      title: 'When were these beans roasted?',
      body: 'The bag only has a best-before.',
    },
  },
  {
    original: {
      title: 'Bags arrive torn with beans spilled',
      body: 'The valve bag split in transit and beans were loose in the box.',
    },
    duplicate: {
      title: 'Beans all over the box',
      body: 'The bag ripped during delivery.',
    },
  },
  {
    original: {
      title: 'Brewing instructions for each coffee',
      body: 'Suggest a recipe for pour-over or French press for each coffee.',
    },
    duplicate: {
      title: 'Brew guide for V60',
      body: 'Which ratio should I use?',
    },
  },
  {
    original: {
      title: 'International shipping to Canada',
      body: 'Please ship to Canada, even with an extra fee.',
    },
    duplicate: {
      title: 'Deliver outside the US',
      body: 'I moved to Toronto.',
    },
  },
  {
    original: {
      title: 'Offer a smaller 250g bag size',
      body: 'The 1kg bag goes stale before I finish it. Offer 250g.',
    },
    duplicate: {
      title: 'Half-size bags for single drinkers',
      body: 'I live alone and the big bag goes stale.',
    },
  },
  {
    original: {
      title: 'Espresso capsules compatible with Nespresso',
      body: 'Offer your coffees in Nespresso-compatible pods.',
    },
    duplicate: {
      title: 'Pods for my capsule machine',
      body: '',
    },
  },
  {
    original: {
      title: 'Send a tracking number when my coffee ships',
      body: "I never get a link to follow my box, so I can't tell when it will arrive.",
    },
    duplicate: {
      title: 'Where is my parcel? No tracking info',
      body: 'The email only says shipped.',
    },
  },
  {
    original: {
      title: 'Loyalty discount after a year',
      body: 'Long-time subscribers should get a discount or a free bag.',
    },
    duplicate: {
      title: 'Reward for loyal customers',
      body: "I've been subscribed for three years.",
    },
  },
  {
    original: {
      title: 'Let me choose the delivery day',
      body: "Let me pick the weekday my box arrives so I'm home.",
    },
    duplicate: {
      title: 'Set which day shipments come',
      body: "I'm never home on Mondays.",
    },
  },
  {
    original: {
      title: 'Coffee packs for making cold brew at home',
      body: 'Sell coarse-ground coffee packs for cold brew in summer.',
    },
    duplicate: {
      title: 'Iced coffee kits',
      body: 'For summer.',
    },
  },
  {
    original: {
      title: 'Email sign-in link always says expired',
      body: 'When I click the link in the login email it tells me it has expired, even right away.',
    },
    duplicate: {
      title: "Email login link doesn't work",
      body: 'It says the link expired.',
    },
  },
];

/** Threads on other subjects (same domains), so that a right answer must beat plausible wrong ones. */
export const DISTRACTORS: EvaluationThread[] = [
  // ---------------------------------------------------------------- Outdoor gear shop
  {
    title: 'Hiking boots run half a size small',
    body: 'I normally wear a 43 but the 43 pinches my toes. Should the size guide say to size up?',
  },
  {
    title: 'Rain jacket hood too small to fit over a helmet',
    body: "For climbing I need the hood to go over my helmet, and it doesn't.",
  },
  {
    title: 'Tent is too heavy for backpacking trips',
    body: 'The 3-person tent weighs almost 4 kg. Please offer lighter versions for long hikes.',
  },
  {
    title: 'Paint chips off my insulated water bottle',
    body: 'After a few drops the powder coating flaked off the bottom.',
  },
  {
    title: 'Sleeping bag zipper snags on the lining',
    body: "The zip catches the fabric every night and I'm afraid it will tear.",
  },
  {
    title: 'Boot laces fray and snap within weeks',
    body: 'The original laces on my hiking boots broke twice this season. Please use stronger laces.',
  },
  {
    title: 'Include the tent footprint instead of selling it separately',
    body: 'Paying extra for the ground sheet on an expensive tent feels cheap.',
  },
  { title: 'Jacket color fades in the sun', body: 'My red softshell jacket turned pink after one summer.' },
  {
    title: 'Rain cover for backpacks should be included',
    body: 'A pack at this price should come with its own rain cover.',
  },
  {
    title: 'Sole peeling off my trail running shoes',
    body: 'The outsole on my trail runners is coming unglued at the front after 200 km.',
  },
  {
    title: 'Which gas canisters fit your camping stove?',
    body: "The product page doesn't say which canister thread the stove uses.",
  },
  {
    title: 'Trekking poles too long to fit in a suitcase',
    body: 'Please sell poles that fold into three sections for travel.',
  },
  {
    title: "Women's backpacks with shorter torso lengths",
    body: 'Most packs are too long in the back for me. Please stock extra-small torso sizes.',
  },
  {
    title: 'Store opening hours on public holidays',
    body: "The website doesn't say whether the shop is open on bank holidays.",
  },
  {
    title: 'Click and collect orders take days to be ready',
    body: 'I ordered for pickup and it took four days even though it was in stock.',
  },
  {
    title: "Can't see the status of my repair online",
    body: 'I dropped off a jacket for repair three weeks ago and have no idea where it is.',
  },
  { title: 'Member discount not applied at checkout', body: "My 10% member discount didn't show on my online order." },
  {
    title: 'Inflatable sleeping pad loses air overnight',
    body: "I wake up on the ground every night and I can't find the leak.",
  },
  { title: 'Jacket pockets too small for a phone', body: "My phone doesn't fit in the chest pocket of the new shell." },
  { title: 'New boots squeak with every step', body: 'My leather boots squeak loudly on hard floors.' },
  {
    title: 'Tent pitching instructions missing from the bag',
    body: 'There was no instruction sheet with my tent and the video link is broken.',
  },
  { title: 'Bottle too wide for a bike bottle cage', body: "The 750ml bottle doesn't fit standard bike cages." },
  {
    title: "Brighter colors for kids' rain jackets",
    body: "Children's jackets only come in navy and grey. Bright colors are safer on the trail.",
  },
  {
    title: 'Add a size chart for gloves',
    body: 'I never know whether to order M or L gloves. Please show hand circumference.',
  },
  {
    title: 'Explain how climbing shoes should fit',
    body: 'Should climbing shoes be tight? A short guide on sizing would help beginners.',
  },
  { title: 'Camping chair leg joint snapped', body: 'The folding chair broke at the leg joint on the second trip.' },
  { title: 'Gift wrapping option at checkout', body: "I'd like to have a present wrapped when I order online." },
  {
    title: 'Points balance not showing in my account',
    body: 'My member points have shown zero since the website update.',
  },
  { title: 'Stock plus-size hiking pants', body: 'Please carry hiking trousers above size XL.' },
  {
    title: 'Ship orders to parcel lockers',
    body: "I'm never home for deliveries. Please allow delivery to a parcel locker.",
  },
  { title: 'Down jacket losing feathers', body: 'Small feathers keep poking out of the seams of my puffer.' },
  {
    title: 'Return window too short for winter gear',
    body: "30 days isn't enough to test a winter jacket if it doesn't get cold. Please extend it to 60 days.",
  },
  { title: 'Metallic taste from the steel bottle', body: 'Water from my new stainless bottle tastes like metal.' },
  {
    title: 'Red light mode on headlamps',
    body: 'A red light setting would keep my night vision and not wake others in the hut.',
  },
  { title: "Stove won't light in freezing temperatures", body: 'Below zero my stove sputters and goes out.' },
  // ---------------------------------------------------------------- SaaS project-management app
  {
    title: 'Import tasks from a CSV file',
    body: 'We have hundreds of tasks in a spreadsheet and want to import them into a project.',
  },
  {
    title: 'High contrast mode for visually impaired users',
    body: 'Labels and borders are very faint. A high contrast option would help with accessibility.',
  },
  { title: 'Emoji reactions on comments', body: "Let people react with a thumbs-up instead of writing 'ok' comments." },
  {
    title: 'Daily digest email instead of instant emails',
    body: 'Send me one summary email per day instead of many separate ones.',
  },
  {
    title: 'Let clients comment on tasks they are invited to',
    body: 'Our clients want to leave feedback directly on deliverables.',
  },
  {
    title: 'Android app stuck in a login loop',
    body: 'After entering my password the app returns to the login screen.',
  },
  {
    title: 'Large projects load very slowly',
    body: 'Projects with more than 2,000 tasks take 20 seconds to open in the browser.',
  },
  {
    title: 'Reminder the day before a task is due',
    body: "I'd like an automatic reminder 24 hours before a deadline.",
  },
  {
    title: 'Mark a task as blocked by another task',
    body: "Let us set dependencies so a task can't be started before another is done.",
  },
  {
    title: 'API documentation needs code examples',
    body: 'The REST API docs list endpoints but have no request or response examples.',
  },
  {
    title: 'Personal API tokens per user',
    body: 'Right now there is only one API key for the whole workspace. We need tokens per user for auditing.',
  },
  {
    title: 'Password reset email never arrives',
    body: 'I requested a reset three times and nothing came, not even in spam.',
  },
  {
    title: 'Due dates shown in the wrong time zone',
    body: 'Tasks due at 5pm show as due at 11pm for my colleague in another country.',
  },
  {
    title: 'Custom statuses per project',
    body: "We need columns like 'In review' and 'Waiting for client' instead of the fixed statuses.",
  },
  {
    title: 'Calendar view of tasks inside the app',
    body: 'A month view showing tasks by due date would help us plan.',
  },
  { title: 'Automatically archive completed tasks', body: 'Done tasks clutter the board. Archive them after 30 days.' },
  { title: "Home screen widget for today's tasks", body: 'An iOS widget showing my tasks due today.' },
  { title: 'Raise the attachment size limit', body: "Design files are often larger than 25 MB and can't be uploaded." },
  {
    title: 'Transfer workspace ownership to another admin',
    body: "The founder left and we can't change who owns the workspace.",
  },
  {
    title: 'Screen reader support for the task board',
    body: 'Drag and drop is impossible with a screen reader. Please support moving cards with the keyboard only.',
  },
  {
    title: 'Preview attachments without downloading them',
    body: 'Opening every image or PDF as a new download is slow.',
  },
  { title: 'Edit a comment after posting it', body: 'I make typos and have to delete and repost.' },
  { title: 'Download invoices for our subscription', body: 'Finance needs PDF invoices for each monthly payment.' },
  {
    title: 'Price per user is too high for small teams',
    body: 'For a 4-person team the per-seat price adds up quickly.',
  },
  { title: 'Cover images on cards like Trello', body: 'Show an image on the front of a card on the board.' },
  { title: 'Color labels for tasks', body: 'Let us tag tasks with colored labels for quick scanning.' },
  {
    title: 'Turn off the notification sound on desktop',
    body: "The desktop app plays a sound for every notification and there's no setting to disable it.",
  },
  { title: 'Sort list view by priority', body: 'I want the most urgent tasks at the top of the list.' },
  {
    title: "Search doesn't find words in comments",
    body: 'I know someone wrote about the invoice in a comment, but search only looks at titles.',
  },
  {
    title: 'Switch between multiple workspaces quickly',
    body: "I'm in three workspaces and have to log out and in again to change.",
  },
  {
    title: 'Sign in with a Google account',
    body: 'Let freelancers log in with their Google account instead of a password.',
  },
  { title: 'Work-in-progress limits per column', body: "Warn us when more than five tasks are in 'Doing'." },
  { title: 'Audit log of changes in the workspace', body: 'Admins need to see who changed or deleted what and when.' },
  {
    title: 'Deactivated users still appear in the assignee list',
    body: 'People who left the company still show up when assigning tasks.',
  },
  {
    title: 'Zapier integration for automations',
    body: 'We want to connect the app to other tools through Zapier without writing code.',
  },
  // ---------------------------------------------------------------- Online grocery delivery
  {
    title: 'Narrower delivery windows than two hours',
    body: "A two-hour window means I'm stuck at home all morning. One-hour slots please.",
  },
  { title: 'Early morning delivery before 7am', body: 'I leave for work at 7:30; deliveries at 6am would be perfect.' },
  {
    title: 'Label substituted items in the bags',
    body: "I can't tell which products were replacements until I check the receipt.",
  },
  {
    title: 'Bread arrives squashed under heavy items',
    body: 'The loaf is always at the bottom of the bag under the potatoes.',
  },
  {
    title: 'App crashes at checkout',
    body: "When I tap 'Place order' the app closes and I don't know if the order went through.",
  },
  {
    title: 'Save more than one card for payment',
    body: 'I want to keep both my personal and my work card in the app.',
  },
  {
    title: 'Delivery fee went up without notice',
    body: 'The fee changed from 3.99 to 5.99 and I only noticed on my statement.',
  },
  {
    title: "Can't use two vouchers on one order",
    body: 'I had a welcome code and a loyalty voucher but only one could be applied.',
  },
  {
    title: 'More vegan options in the frozen section',
    body: 'Please stock vegan ice cream and frozen plant-based meals.',
  },
  { title: 'Driver left my shopping at the wrong house', body: "The delivery photo shows a door that isn't mine." },
  { title: "Receipt email doesn't show item prices", body: 'The email only lists products, not what I paid for each.' },
  {
    title: 'Bigger organic fruit and vegetable range',
    body: 'Please stock more organic produce, especially apples and carrots.',
  },
  { title: 'Gluten-free bread always out of stock', body: 'Every week the gluten-free loaf is unavailable.' },
  {
    title: 'Alcohol ID check makes me wait at home',
    body: "The driver can't leave wine without seeing ID, which means I have to be there.",
  },
  { title: 'Order history only goes back three months', body: 'I want to see what I bought last year.' },
  { title: 'Sort products by price', body: 'Let me sort search results from cheapest to most expensive.' },
  { title: 'Bags split because they are too heavy', body: 'The bag with milk and juice tore on the stairs.' },
  { title: "Product photos don't match what arrives", body: 'The pictures show a different package than what I get.' },
  {
    title: 'Text message arrives after the driver has left',
    body: "The 'driver is on the way' SMS came ten minutes after the delivery.",
  },
  { title: 'Cancel an order in the app', body: "I had to call customer service to cancel; there's no button." },
  { title: 'Prices higher online than in the store', body: 'The same cereal costs more in the app than on the shelf.' },
  {
    title: 'Multi-buy offers not applied in the basket',
    body: '3 for 2 on yogurt showed on the page but I was charged for all three.',
  },
  {
    title: 'Longer hours for customer service chat',
    body: 'The chat closes at 6pm, right when my delivery problems happen.',
  },
  {
    title: "Address search can't find new buildings",
    body: "My street was built last year and the postcode lookup doesn't know it.",
  },
  { title: 'Recipes with one-click add to basket', body: 'Show recipes and let me add all the ingredients at once.' },
  { title: 'Eggs arrive cracked', body: 'Two or three eggs are broken in almost every box.' },
  {
    title: 'Deposit refund for returned crates',
    body: 'We return the plastic crates but never see the deposit credited.',
  },
  {
    title: 'Reminder the day before my delivery',
    body: 'A notification the evening before would help me remember to be home.',
  },
  {
    title: 'Referral code for inviting friends',
    body: 'Give me a code to share so my friends and I both get a discount.',
  },
  { title: 'Tablet layout for the grocery app', body: 'On an iPad the app is just a stretched phone screen.' },
  { title: 'Minced beef is too fatty', body: 'The minced beef has been very fatty lately.' },
  { title: 'Buy loose vegetables by the piece, not by weight', body: 'I want 3 onions, not 500 g of onions.' },
  { title: 'Driver was rude at the door', body: 'The driver threw the bags down and shouted at me.' },
  { title: 'Fish and seafood counter online', body: 'Offer fresh fish cut to order like in the store.' },
  {
    title: 'Out-of-stock items still shown in search',
    body: 'Half of the results are unavailable; hide them or move them down.',
  },
  // ---------------------------------------------------------------- Bank / fintech app
  {
    title: 'Card declined when paying abroad',
    body: 'My card was declined in a restaurant in Spain even though I had money.',
  },
  { title: 'Change my card PIN in the app', body: 'I want to change my PIN without going to an ATM.' },
  { title: 'Fee for replacing a lost card is too high', body: 'Charging 10 for a replacement card seems excessive.' },
  {
    title: 'Raise the contactless payment limit',
    body: 'I have to insert my card for anything above 50, which is slow.',
  },
  {
    title: 'Statements from before last year are missing',
    body: 'I can only see statements for the last 12 months; I need older ones for a mortgage.',
  },
  {
    title: 'Wrong address printed on PDF statements',
    body: 'I updated my address but the statements still show the old one.',
  },
  {
    title: 'Daily transfer limit is too low',
    body: "I can't pay my rent deposit because the online transfer limit is 2,000.",
  },
  {
    title: 'Fingerprint login stopped working after the update',
    body: 'Since the last version the app always asks for my passcode.',
  },
  {
    title: 'Password rules are too strict',
    body: 'Requiring symbols and changing the password every 90 days is frustrating.',
  },
  {
    title: 'Foreign transaction fee on card purchases',
    body: 'I pay 2.75% on every card payment in another currency.',
  },
  { title: 'Cashback on everyday purchases', body: 'Other banks give 1% cashback at supermarkets.' },
  {
    title: 'Notify me when money arrives in my account',
    body: 'I want a push notification when my salary or a transfer comes in.',
  },
  {
    title: 'See and cancel recurring card subscriptions',
    body: 'Show all merchants that charge me regularly and let me block them.',
  },
  {
    title: 'Savings goals with a target date',
    body: "Let me create a goal like 'Holiday, 2,000 by June' and track progress.",
  },
  {
    title: 'Loan application status not visible',
    body: "I applied for a loan a week ago and the app just says 'in review'.",
  },
  { title: 'Mortgage calculator in the app', body: 'A calculator to see how much I could borrow would help.' },
  { title: 'Show my credit score', body: 'Some apps show your credit score for free; please add it.' },
  {
    title: 'Merchant names are unreadable',
    body: "Transactions show codes like 'SQ *XYZ 8812' instead of the shop name.",
  },
  { title: 'Search transactions by amount', body: 'I want to find a payment of exactly 49.90 quickly.' },
  {
    title: 'Tax certificate for interest earned',
    body: 'I need a yearly document showing interest for my tax return.',
  },
  { title: 'Support chat takes hours to reply', body: 'I waited four hours for an answer in the in-app chat.' },
  { title: 'Local branch is closing', body: "Our town's branch closes next month. Where will older customers go?" },
  {
    title: 'Order a new cheque book online',
    body: 'I still need cheques for my landlord; let me order them in the app.',
  },
  { title: 'Tablet version of the banking app', body: "The app doesn't support iPad landscape mode." },
  {
    title: 'Business account for freelancers',
    body: 'I need a separate account with invoicing for my freelance work.',
  },
  {
    title: 'Payment reference field is too short',
    body: "The 18-character reference isn't enough for invoice numbers.",
  },
  {
    title: 'Warn me about possible scams before I pay',
    body: 'Show a warning if the payee was reported by other customers.',
  },
  { title: 'Send money to a phone number', body: 'Let me pay friends using just their mobile number.' },
  { title: 'More card designs to choose from', body: 'Let me pick a card color or design.' },
  { title: 'Buy and sell crypto in the app', body: "I'd like to invest small amounts in bitcoin." },
  {
    title: 'Round up card payments into savings',
    body: 'Round each purchase to the next euro and move the change to savings.',
  },
  { title: 'Overdraft interest rate is too high', body: '20% on the overdraft is more than a credit card.' },
  { title: 'Change the date my statement is issued', body: "I'd like my monthly statement to start on payday." },
  {
    title: 'Log out my old phone remotely',
    body: 'My old phone is still signed in and I want to remove it from my account.',
  },
  // ---------------------------------------------------------------- Video game
  {
    title: 'Servers down for maintenance too often',
    body: 'Weekly maintenance every Tuesday evening is during my only play time.',
  },
  { title: 'Add South American servers', body: 'Players in Brazil have to play on US servers with 150 ping.' },
  {
    title: 'Matchmaking should balance party sizes',
    body: 'Solo players keep getting matched against full five-stacks.',
  },
  { title: 'Controller not detected on PC', body: 'My Xbox controller works in other games but not in this one.' },
  { title: 'Game crashes when alt-tabbing', body: 'Switching windows in fullscreen causes a crash.' },
  { title: 'Skins are too expensive', body: '25 dollars for one character skin is too much.' },
  {
    title: 'Discount bundles for items I already own',
    body: 'If I own two items of a bundle, let me buy the rest at a lower price.',
  },
  {
    title: 'Toggle to turn off crossplay with PC',
    body: "On console I don't want to be matched with mouse and keyboard players.",
  },
  {
    title: 'Better rewards for ranked at season end',
    body: 'The ranked rewards are just a badge; give something worth the grind.',
  },
  { title: 'Option to disable motion blur', body: 'Motion blur makes me feel sick.' },
  { title: 'Voice chat has echo and bad quality', body: 'Teammates sound robotic and I hear my own voice.' },
  { title: 'Ban appeal process', body: 'I was banned by mistake and there is no way to appeal.' },
  { title: 'Lost progress after the latest update', body: 'My level and unlocks reset to zero after patch 2.3.' },
  { title: 'Battle pass price went up', body: 'The pass costs 1,200 coins now instead of 950.' },
  { title: 'Subtitles in Polish', body: 'Please add Polish language subtitles.' },
  { title: 'Tournament mode for communities', body: 'Let us run brackets and tournaments inside the game.' },
  {
    title: 'Penalty for dodging queues',
    body: 'People leave the champion select to avoid bad maps and nothing happens.',
  },
  { title: 'HUD scale option', body: 'The minimap and health bar are too big on a small laptop screen.' },
  {
    title: 'Rejoin a match after a disconnect',
    body: "If my internet drops for a second I can't get back into the same match.",
  },
  { title: 'Auction house fees are too high', body: 'Selling items costs 15%, which kills the economy.' },
  { title: 'Mute emote spam in the lobby', body: 'Some players spam dance emotes and sounds in the lobby.' },
  {
    title: 'Gift cards for in-game currency',
    body: 'Sell gift cards in stores so kids can buy coins without a credit card.',
  },
  { title: 'Practice mode against bots', body: 'Let me warm up against AI opponents before ranked.' },
  { title: 'PS5 trophies not unlocking', body: "I completed the campaign but the trophy didn't pop." },
  { title: "Spectator mode for friends' matches", body: "Let me watch a friend's live match." },
  { title: 'Clan tags next to player names', body: 'Show our clan tag in the scoreboard.' },
  { title: 'Spam bots in public chat', body: 'Global chat is full of bots selling accounts.' },
  { title: 'New snow map', body: 'All maps are desert or city; add a winter map.' },
  { title: 'Sniper rifle is overpowered', body: 'One-shot kills from across the map are not fun.' },
  { title: 'Loading screens take too long', body: 'It takes over a minute to load into a match on an HDD.' },
  { title: 'Tutorial is confusing for new players', body: "The tutorial doesn't explain abilities or the shop." },
  { title: 'Daily login rewards', body: 'Give a small reward for logging in each day.' },
  { title: 'Aim assist too strong on console', body: 'Controller players lock on instantly.' },
  { title: 'Show loot box drop rates', body: 'Publish the odds for each rarity.' },
  { title: 'Steam Deck support', body: 'The game runs on Steam Deck but the anti-cheat blocks it.' },
  // ---------------------------------------------------------------- Coffee subscription
  {
    title: 'More light roasts for filter coffee',
    body: 'I brew V60 and the dark roasts are too bitter. Please add light roast options.',
  },
  {
    title: 'Show the roast level on each coffee page',
    body: "I can't tell if a coffee is light, medium or dark before it arrives.",
  },
  { title: 'Grinder is very loud', body: 'The grinder I bought wakes up the whole house in the morning.' },
  { title: 'Discount on a grinder for subscribers', body: 'Offer subscribers a bundle price on a burr grinder.' },
  {
    title: 'Sell replacement burrs for the grinder',
    body: "After two years the burrs are dull and I can't find spares.",
  },
  { title: 'Shipping cost went up', body: 'Shipping now costs 6 per box, which is more than half the coffee price.' },
  { title: 'Skipping one delivery skipped two', body: 'I skipped March and April was skipped too.' },
  { title: 'Tea subscription', body: "My partner doesn't drink coffee; offer a loose-leaf tea plan." },
  { title: 'Resealable coffee bags', body: "Once opened, the bags can't be closed properly." },
  { title: 'Gift message card in gift boxes', body: 'Let me add a personal note when sending coffee as a gift.' },
  {
    title: 'Change the address for my next shipment only',
    body: "I'm at my parents' for a month; send just the next box there.",
  },
  {
    title: 'Email me when a subscription payment fails',
    body: 'My box was silently skipped because the payment failed.',
  },
  {
    title: 'Refund for a box shipped after I cancelled',
    body: 'I cancelled on the 1st and was still charged and shipped on the 3rd.',
  },
  { title: 'Espresso machine recommendations', body: 'Which home machine do you recommend for your beans?' },
  { title: 'Sell descaling tablets', body: 'Please add descaler for espresso machines to the shop.' },
  { title: 'Beans smell like cardboard', body: 'The last bag smelled like the box it came in.' },
  { title: 'Coffee tastes too acidic', body: 'The last three coffees were very sour for my taste.' },
  { title: 'Checkout page very slow', body: 'The payment page takes 20 seconds to load.' },
  { title: 'Price increase notice came too late', body: "The subscription price went up with only two days' notice." },
  { title: 'Fair trade and organic certification', body: 'Tell us which coffees are certified fair trade or organic.' },
  { title: 'Received the wrong coffee', body: 'I ordered the Colombia but got a Brazil.' },
  {
    title: 'Two subscriptions under one account',
    body: 'I want one plan for home and one for the office in the same login.',
  },
  { title: 'Sell branded mugs', body: 'Your logo would look great on a mug.' },
  { title: 'Tours of the roastery', body: 'Could customers visit the roastery and see the process?' },
  { title: 'Support takes days to answer emails', body: 'I emailed about a damaged grinder and waited five days.' },
  { title: 'Ground coffee has too much fine dust', body: 'The pre-ground coffee clogs my French press filter.' },
  { title: '2kg bags for offices', body: 'Our office goes through a lot; offer bigger bags.' },
  { title: 'Recycling program for used pods', body: 'Let us send back aluminium pods for recycling.' },
  { title: 'Free shipping over a certain amount', body: 'Give free shipping on orders over 40.' },
  { title: 'Courier leaves the box in the rain', body: 'My box was left outside and the bags were soaked.' },
  { title: 'Show caffeine content per coffee', body: 'Some beans are stronger than others; list the caffeine.' },
  { title: 'Sell a brewing scale', body: 'A scale with a timer would help me follow recipes.' },
  { title: 'Fewer marketing emails', body: 'I get three promotional emails a week.' },
  { title: 'Holiday seasonal blends', body: 'Bring back a special blend for the winter holidays.' },
];

/** New posts that have NO existing duplicate among PAIRS originals and DISTRACTORS (for precision: ideally nothing relevant is suggested). */
export const NOVEL: EvaluationThread[] = [
  // ---------------------------------------------------------------- Outdoor gear shop
  {
    title: 'Organize group hikes from the store',
    body: 'Meeting other customers for a guided day hike once a month would be fun.',
  },
  {
    title: 'Stock printed trail maps for local parks',
    body: 'Paper maps are still useful where there is no phone signal.',
  },
  {
    title: 'Avalanche safety courses in winter',
    body: 'Teach beginners how to use a beacon and probe before the ski touring season.',
  },
  { title: 'Hiking gear for dogs', body: 'Harnesses, booties and collapsible bowls for hiking with my dog.' },
  {
    title: 'Solar panels to charge phones on multi-day treks',
    body: 'A small foldable solar charger for a week in the mountains.',
  },
  {
    title: 'Show the carbon footprint of each product',
    body: "I'd like to know the environmental impact before I buy.",
  },
  { title: 'Student discount with a university ID', body: 'Students on a budget would appreciate 10% off.' },
  // ---------------------------------------------------------------- SaaS project-management app
  {
    title: 'Built-in whiteboard for brainstorming',
    body: 'We sketch ideas on a separate tool and then copy them over.',
  },
  {
    title: 'Japanese translation of the interface',
    body: 'Half of our team is in Tokyo and would prefer the app in Japanese.',
  },
  { title: 'Start a video call from a task', body: 'One click to jump into a call with the people working on it.' },
  { title: 'Discount for nonprofit organizations', body: 'We are a small charity and the full price is hard for us.' },
  { title: 'AI summary of long comment threads', body: 'Threads with 80 comments take ages to catch up on.' },
  { title: 'Store our data in EU data centers', body: 'Our legal team requires data residency in the European Union.' },
  {
    title: 'Goals and OKR tracking',
    body: 'Link quarterly objectives and key results to the work that supports them.',
  },
  // ---------------------------------------------------------------- Online grocery delivery
  { title: 'Sell fresh flowers and bouquets', body: 'It would be nice to add flowers to my weekly order.' },
  { title: 'Catering-size orders for parties', body: 'I need large quantities for a birthday party of 60 people.' },
  { title: 'Halal meat section', body: 'Please offer certified halal chicken and lamb.' },
  { title: 'Pet food and cat litter delivery', body: 'Heavy bags of cat litter are the worst thing to carry home.' },
  { title: 'Pharmacy and medicine delivery', body: 'Add painkillers and cold medicine to the range.' },
  { title: 'Products from local farms', body: 'Show which vegetables come from farms in our region.' },
  { title: 'Baby changing and nappy bundles', body: 'A monthly bundle of nappies and wipes at a discount.' },
  // ---------------------------------------------------------------- Bank / fintech app
  {
    title: 'Open a pension account in the app',
    body: "I'd like to start saving for retirement without another provider.",
  },
  {
    title: 'Donate to charities directly from the app',
    body: 'Let me give a monthly amount to a charity of my choice.',
  },
  { title: 'Invest in index funds', body: 'A simple way to put money in a world index fund.' },
  { title: 'Pay bills by scanning a QR code', body: 'Invoices here have QR codes; scanning would save typing.' },
  { title: 'Book a safe deposit box', body: 'Is there still a way to rent a safe deposit box?' },
  { title: 'Travel insurance included with the premium card', body: 'Other premium cards include travel insurance.' },
  {
    title: 'Reference letter from the bank for renting a flat',
    body: "My landlord wants a letter confirming I'm a customer in good standing.",
  },
  // ---------------------------------------------------------------- Video game
  { title: 'Add a photo mode', body: 'Let me pause and take screenshots with free camera and filters.' },
  { title: 'Mod support with a workshop', body: 'Let the community create and share maps and mods.' },
  { title: 'Pet companions that follow you', body: 'A small pet that follows my character around would be cute.' },
  {
    title: 'Release the soundtrack on streaming services',
    body: 'The music is great and I want to listen to it outside the game.',
  },
  { title: 'Native Mac version', body: "I only have a MacBook and can't play." },
  { title: 'Player housing', body: 'Give us a house we can decorate and invite friends to.' },
  { title: 'VR support', body: 'Playing in VR would be amazing.' },
  // ---------------------------------------------------------------- Coffee subscription
  { title: 'Online barista classes', body: 'Video lessons on milk steaming and latte art.' },
  { title: 'Green unroasted beans for home roasting', body: 'Sell raw green beans for people who roast at home.' },
  { title: 'Custom labels for wedding favors', body: 'We want small bags with our names for our wedding guests.' },
  { title: 'Job openings at the roastery', body: 'Are you hiring roasters or packers?' },
  { title: 'Order more coffee with a voice assistant', body: 'Let me reorder by asking Alexa.' },
  { title: 'Partner cafe discounts', body: 'Subscribers could get a discount in cafes that serve your beans.' },
  {
    title: 'Bring back the Ethiopian Yirgacheffe from last spring',
    body: "That coffee was the best one I've had from you.",
  },
];
